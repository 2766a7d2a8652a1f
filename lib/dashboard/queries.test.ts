import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { PANAS_NEGATIVE, PANAS_POSITIVE } from "@/lib/eval/scales";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { listSessions } from "@/lib/sessions/queries";
import { sessionListQuerySchema } from "@/lib/sessions/schema";
import { getExperimentResultsById, getFilteredResults } from "./queries";

// An experiment on the database: two profiles × MAGneT and No selector, one session still running,
// and judged results from an older and a newer judge on one session.

let experimentId = "";
let judgedId = "";
let profileId = "";

function session(
  profile: string,
  variant: "magnet" | "no_selector",
  status: "completed" | "running" = "completed",
) {
  return {
    profileId: profile,
    variant,
    status,
    source: "generated" as const,
    config: {},
    maxRounds: 2,
    roundCount: 2,
    tokensIn: 100,
    tokensOut: 50,
    openingCounselor: "Hello, what brings you here today?",
    openingClient: "I have been feeling low about work.",
    experimentId,
    rounds: {
      create: [
        {
          index: 1,
          counselorReply: "That sounds heavy.",
          clientReply: "It is.",
          selectedTechniques: ["reflection", "questioning"],
        },
        {
          index: 2,
          counselorReply: "What went through your mind?",
          clientReply: "That I fail.",
          selectedTechniques: ["reflection"],
        },
      ],
    },
  };
}

const scores = (
  metric: string,
  items: readonly string[],
  score: (item: string) => number,
  judgeModel: string,
  target: { sessionId?: string; profileId?: string },
  createdAt: Date,
) =>
  items.flatMap((item) =>
    [1, 2].map((run) => ({ ...target, metric, item, run, score: score(item), judgeModel, createdAt })),
  );

beforeAll(async () => {
  await seedSampleProfiles();
  const db = getDb();
  const profiles = await db.clientProfile.findMany({ orderBy: { name: "asc" }, take: 2 });
  profileId = profiles[0].id;
  experimentId = (await db.experiment.create({ data: { name: "Selector ablation", config: {} } })).id;
  const judged = await db.session.create({ data: session(profiles[0].id, "magnet") });
  judgedId = judged.id;
  await db.session.create({ data: session(profiles[0].id, "no_selector") });
  await db.session.create({ data: session(profiles[1].id, "magnet") });
  await db.session.create({ data: session(profiles[1].id, "no_selector") });
  await db.session.create({ data: session(profiles[1].id, "no_selector", "running") });
  const ctrsItems = [
    "understanding",
    "interpersonal_effectiveness",
    "collaboration",
    "guided_discovery",
    "focus",
    "strategy",
  ];
  const old = new Date("2026-01-01T00:00:00Z");
  const newer = new Date("2026-02-01T00:00:00Z");
  await db.evaluationResult.createMany({
    data: [
      ...scores("ctrs", ctrsItems, () => 1, "old-judge", { sessionId: judged.id }, old),
      ...scores(
        "ctrs",
        ctrsItems,
        (item) => (item === "understanding" ? 5 : 4),
        "judge-b",
        { sessionId: judged.id },
        newer,
      ),
      ...scores(
        "panas_after",
        [...PANAS_POSITIVE, ...PANAS_NEGATIVE],
        (f) => (PANAS_POSITIVE.includes(f as never) ? 3 : 2),
        "judge-b",
        { sessionId: judged.id },
        newer,
      ),
      ...scores(
        "panas_before",
        [...PANAS_POSITIVE, ...PANAS_NEGATIVE],
        (f) => (PANAS_POSITIVE.includes(f as never) ? 2 : 4),
        "judge-b",
        { profileId },
        newer,
      ),
    ],
  });
});

describe("getExperimentResultsById", () => {
  it("scores each finished session by its latest judge, with the PANAS shift, techniques and tokens", async () => {
    const { experiment, unfinished, dashboard } = await getExperimentResultsById({ id: experimentId });
    expect(experiment.name).toBe("Selector ablation");
    expect(unfinished).toBe(1);
    expect(dashboard.sessions).toHaveLength(4);
    expect(dashboard.variants).toEqual(["magnet", "no_selector"]);
    expect(dashboard.judges).toEqual({ models: ["judge-b"], simulated: false });
    const judged = dashboard.sessions.find((s) => s.id === judgedId);
    expect(judged?.values).toMatchObject({
      "ctrs.understanding": 5,
      "ctrs.focus": 4,
      "panas.positive": 1,
      "panas.negative": -2,
      "technique.reflection": 1,
      "technique.questioning": 0.5,
      "technique.normalization": 0,
      rounds: 2,
      tokens: 150,
      cost: null,
      wai: null,
    });
    expect(judged?.values.ctrs).toBeCloseTo(25 / 6, 12);
    expect(judged?.values.ead).toBeGreaterThan(0);
    const set = dashboard.diversity.find((d) => d.group === "all" && d.variant === "magnet");
    expect(set).toMatchObject({ sessions: 2 });
    // Two seeds per variant, both matched: a paired comparison of the rounds and technique shares.
    const rounds = dashboard.comparisons.find((c) => c.group === "all" && c.metric === "rounds");
    expect(rounds).toMatchObject({ design: "paired", n: 2, pValue: 1 });
  });

  it("follows new results and names an unknown experiment", async () => {
    const before = (await getExperimentResultsById({ id: experimentId })).dashboard;
    expect((await getExperimentResultsById({ id: experimentId })).dashboard).toBe(before);
    await getDb().evaluationResult.create({
      data: { sessionId: judgedId, metric: "ctrs", item: "focus", run: 3, score: 1, judgeModel: "judge-c" },
    });
    const after = (await getExperimentResultsById({ id: experimentId })).dashboard;
    expect(after.judges.models).toEqual(["judge-c"]);
    await expect(getExperimentResultsById({ id: "cunknown000000000000000000" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("the Sessions list's experiment filter", () => {
  it("lists the experiment's sessions, and only them", async () => {
    await getDb().session.create({ data: { ...session(profileId, "magnet"), experimentId: null } });
    const listed = await listSessions(
      sessionListQuerySchema.parse({ experiment: experimentId, variant: "no_selector" }),
    );
    expect(listed.total).toBe(3);
    expect(listed.items.every((s) => s.variant === "no_selector")).toBe(true);
    expect((await listSessions(sessionListQuerySchema.parse({}))).total).toBe(6);
  });
});

describe("getFilteredResults", () => {
  it("compares what the Sessions list's filters select, finished sessions only", async () => {
    const dashboard = await getFilteredResults({ experiment: experimentId, variant: "no_selector" });
    expect(dashboard.variants).toEqual(["no_selector"]);
    expect(dashboard.sessions).toHaveLength(2);
    expect(dashboard.comparisons).toEqual([]);
    expect((await getFilteredResults({ experiment: experimentId, status: "running" })).sessions).toEqual([]);
  });
});
