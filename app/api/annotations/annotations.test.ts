import { beforeAll, describe, expect, it } from "vitest";
import * as agreementRoute from "@/app/api/annotation-queues/[id]/agreement/route";
import * as queuesRoute from "@/app/api/annotation-queues/route";
import * as exportRoute from "@/app/api/annotations/export/route";
import * as preferencesRoute from "@/app/api/annotations/preferences/route";
import * as formsRoute from "@/app/api/annotations/sessions/[id]/forms/route";
import * as roundRoute from "@/app/api/annotations/sessions/[id]/rounds/[round]/route";
import * as mineRoute from "@/app/api/annotations/sessions/[id]/route";
import { assignInTurn } from "@/lib/annotations/queues";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Role } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";
import { parseExportArgs } from "@/lib/cli/export-args";
import { getDb } from "@/lib/db/client";
import { seedSampleProfiles } from "@/lib/profiles/queries";

// Annotations through their routes, as two annotators and a researcher: each person's work is their
// own, a stale save is refused, bad values are refused by name.

type Handler = (
  request: Request,
  context?: { params?: Promise<Record<string, string>> },
) => Promise<Response>;

interface Person {
  id: string;
  key: string;
}

let sessionId = "";
let alice: Person;
let bob: Person;
let researcher: Person;
let queueId = "";

async function person(email: string, role: Role): Promise<Person> {
  const { user } = await createUser({ email, role }, null);
  return { id: user.id, key: (await createApiKey(user.id, "test")).key };
}

async function call(
  handler: Handler,
  who: Person,
  method: string,
  params: Record<string, string>,
  body?: unknown,
) {
  const response = await handler(
    new Request("http://127.0.0.1:3000/api/x", {
      method,
      headers: { authorization: `Bearer ${who.key}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  const json = (await response.json()) as Record<string, unknown> & {
    error?: { issues: { field: string }[]; message: string };
  };
  return { status: response.status, json, fields: json.error?.issues.map((i) => i.field) ?? [] };
}

const saveRound = (who: Person, round: number, baseVersion: number, data: unknown) =>
  call(roundRoute.PUT, who, "PUT", { id: sessionId, round: String(round) }, { baseVersion, data });

beforeAll(async () => {
  await seedSampleProfiles();
  const db = getDb();
  const profile = await db.clientProfile.findFirstOrThrow({ orderBy: { name: "asc" } });
  const session = await db.session.create({
    data: {
      profileId: profile.id,
      variant: "magnet",
      status: "completed",
      config: {},
      maxRounds: 2,
      roundCount: 2,
      openingCounselor: "Hi",
      openingClient: "Hello",
      rounds: {
        create: [1, 2].map((index) => ({
          index,
          counselorReply: `Counselor ${index}`,
          clientReply: `Client ${index}`,
          selectedTechniques: ["reflection"],
        })),
      },
    },
  });
  sessionId = session.id;
  alice = await person("alice@example.org", "annotator");
  bob = await person("bob@example.org", "annotator");
  researcher = await person("lead@example.org", "researcher");
  const created = await call(
    queuesRoute.POST,
    researcher,
    "POST",
    {},
    {
      name: "Pilot",
      filter: {},
      annotatorIds: [alice.id, bob.id],
      overlap: 2,
    },
  );
  expect(created).toMatchObject({ status: 201, json: { sessions: 1 } });
  queueId = String(created.json.id);
});

describe("round annotations", () => {
  it("keeps two annotators' ratings of the same round side by side", async () => {
    expect(await saveRound(alice, 1, 0, { ratings: { empathy: 5 } })).toMatchObject({
      status: 200,
      json: { version: 1 },
    });
    expect(
      await saveRound(bob, 1, 0, { ratings: { empathy: 2 }, techniques: ["questioning"] }),
    ).toMatchObject({
      status: 200,
      json: { version: 1 },
    });
    const mine = (who: Person) => call(mineRoute.GET, who, "GET", { id: sessionId });
    expect((await mine(alice)).json).toMatchObject({
      rounds: { 1: { version: 1, data: { ratings: { empathy: 5 } } } },
    });
    expect((await mine(bob)).json).toMatchObject({
      rounds: { 1: { data: { ratings: { empathy: 2 }, techniques: ["questioning"] } } },
    });
    expect(await getDb().annotation.count({ where: { sessionId, roundIndex: 1 } })).toBe(2);
  });

  it("refuses a stale save from a second tab with a 409 that says to reload, keeping the newer save", async () => {
    // Both tabs loaded version 1 (test above); the first saves, then the second.
    expect(await saveRound(alice, 1, 1, { ratings: { empathy: 4 } })).toMatchObject({
      status: 200,
      json: { version: 2 },
    });
    const stale = await saveRound(alice, 1, 1, { ratings: { empathy: 1 } });
    expect(stale).toMatchObject({ status: 409, fields: ["baseVersion"] });
    expect(stale.json.error?.message).toMatch(/Reload/);
    // A second "first save" of the same round is stale too.
    expect(await saveRound(alice, 1, 0, { ratings: { empathy: 1 } })).toMatchObject({ status: 409 });
    const stored = await getDb().annotation.findFirstOrThrow({ where: { sessionId, authorId: alice.id } });
    expect(stored).toMatchObject({ version: 2, data: { ratings: { empathy: 4 } } });
  });

  it("refuses out-of-range scores, unknown items and unknown rounds by name, storing nothing", async () => {
    expect(await saveRound(alice, 2, 0, { ratings: { empathy: 6 } })).toMatchObject({
      status: 400,
      fields: ["data.ratings.empathy"],
    });
    expect(await saveRound(alice, 2, 0, { ratings: { charisma: 3 } })).toMatchObject({
      status: 400,
      fields: ["data.ratings.charisma"],
    });
    expect(await saveRound(alice, 2, 0, { techniques: ["hypnosis"] })).toMatchObject({
      status: 400,
      fields: ["data.techniques.0"],
    });
    expect(await saveRound(alice, 2, 0, { safety: { category: "rude", note: "" } })).toMatchObject({
      status: 400,
      fields: ["data.safety.category"],
    });
    expect(await saveRound(alice, 9, 0, { ratings: { empathy: 3 } })).toMatchObject({
      status: 404,
      fields: ["round"],
    });
    expect(await getDb().annotation.count({ where: { sessionId, roundIndex: { in: [2, 9] } } })).toBe(0);
  });

  it("stores every part of a round annotation", async () => {
    const data = {
      ratings: { empathy: 3, relevance: 4, plan_fit: 2, naturalness: 5 },
      techniques: ["reflection", "normalization"],
      candidates: { reflection: "useful", questioning: "not_useful" },
      bestCandidate: "reflection",
      safety: { category: "missed_risk", note: "Hopelessness not explored" },
      goldRewrite: "It sounds like this week has been heavy.",
      comment: "Too quick to advise.",
      spanComments: [{ quote: "Counselor", start: 0, end: 9, text: "Generic opener" }],
    };
    expect(await saveRound(bob, 2, 0, data)).toMatchObject({ status: 200 });
    expect((await call(mineRoute.GET, bob, "GET", { id: sessionId })).json).toMatchObject({
      rounds: { 2: { data } },
    });
  });
});

describe("session forms", () => {
  it("refuses scores outside each scale and shows the judge only once a form is complete", async () => {
    const put = (data: unknown, baseVersion = 0) =>
      call(formsRoute.PUT, alice, "PUT", { id: sessionId }, { baseVersion, data });
    expect(await put({ ctrs: { understanding: 7 } })).toMatchObject({
      status: 400,
      fields: ["data.ctrs.understanding"],
    });
    expect(await put({ wai: { mutual_trust: 0 } })).toMatchObject({
      status: 400,
      fields: ["data.wai.mutual_trust"],
    });
    expect(await put({ panas_after: { sleepy: 3 } })).toMatchObject({
      status: 400,
      fields: ["data.panas_after.sleepy"],
    });
    await getDb().evaluationResult.createMany({
      data: [
        "understanding",
        "interpersonal_effectiveness",
        "collaboration",
        "guided_discovery",
        "focus",
        "strategy",
      ].map((item) => ({ sessionId, metric: "ctrs", item, score: 4, judgeModel: "judge" })),
    });
    const partial = { ctrs: { understanding: 5 } };
    expect(await put(partial)).toMatchObject({ status: 200, json: { version: 1 } });
    expect((await call(mineRoute.GET, alice, "GET", { id: sessionId })).json).toMatchObject({ judge: {} });
    const complete = {
      ctrs: {
        understanding: 5,
        interpersonal_effectiveness: 5,
        collaboration: 4,
        guided_discovery: 3,
        focus: 4,
        strategy: 6,
      },
    };
    expect(await put(complete, 1)).toMatchObject({ status: 200, json: { version: 2 } });
    expect((await call(mineRoute.GET, alice, "GET", { id: sessionId })).json).toMatchObject({
      judge: { ctrs: { understanding: 4, strategy: 4 } },
    });
  });
});

describe("access", () => {
  it("lets an annotator annotate only assigned sessions", async () => {
    const carol = await person("carol@example.org", "annotator");
    expect(await saveRound(carol, 1, 0, { ratings: { empathy: 3 } })).toMatchObject({
      status: 403,
      fields: ["id"],
    });
    expect((await call(queuesRoute.GET, carol, "GET", {})).json).toEqual({ items: [] });
    expect((await call(queuesRoute.GET, alice, "GET", {})).json).toMatchObject({
      items: [{ name: "Pilot", sessions: 1, mine: { total: 2 } }],
    });
  });

  it("assigns each session to `overlap` annotators in turn", () => {
    expect(assignInTurn(3, ["a", "b", "c"], 2)).toEqual([
      ["a", "b"],
      ["c", "a"],
      ["b", "c"],
    ]);
  });
});

describe("export", () => {
  const download = async (query: string) => {
    const response = await exportRoute.GET(
      new Request(`http://127.0.0.1:3000/api/annotations/export?${query}`, {
        headers: { authorization: `Bearer ${researcher.key}` },
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    return response.text();
  };

  it("streams every annotation item as CSV and JSONL, with session, round, annotator and times", async () => {
    const csv = await download("format=annotations-csv");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(
      "session_id,round,annotator_id,annotator,item,value,comment,version,created_at,updated_at",
    );
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^${sessionId},1,${alice.id},alice@example.org,rating.empathy,4,,2,`)),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^${sessionId},1,${bob.id},bob@example.org,rating.empathy,2,`)),
    );
    expect(lines).toContainEqual(
      expect.stringContaining(",safety_flag,missed_risk,Hopelessness not explored,"),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^${sessionId},,${alice.id},alice@example.org,ctrs.strategy,6,`)),
    );
    const jsonl = (await download("format=annotations-jsonl"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(jsonl).toContainEqual(
      expect.objectContaining({
        session_id: sessionId,
        round: 2,
        annotator: "bob@example.org",
        item: "span_comment.0-9",
        value: "Counselor",
        comment: "Generic opener",
      }),
    );
  });

  it("turns gold rewrites into fine-tuning pairs: the dialogue before the round, then the rewrite", async () => {
    const pairs = (await download("format=gold-jsonl"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(pairs).toHaveLength(1);
    const roles = pairs[0].messages.map((m: { role: string }) => m.role);
    expect(roles).toEqual(["system", "assistant", "user", "assistant", "user", "assistant"]);
    expect(pairs[0].messages.at(-2).content).toBe("Client 1");
    expect(pairs[0].messages.at(-1).content).toBe("It sounds like this week has been heavy.");
  });

  it("is a format of npm run export", () => {
    expect(parseExportArgs(["--format", "annotations-jsonl", "--out", "out"])).toMatchObject({
      format: "annotations-jsonl",
    });
    expect(() => parseExportArgs(["--format", "annotations-xml", "--out", "out"])).toThrow(/format/);
  });
});

describe("agreement", () => {
  it("gives alpha and percent agreement per item, the humans against the judge, and the most-disagreed rounds", async () => {
    const { status, json } = await call(agreementRoute.GET, researcher, "GET", { id: queueId });
    expect(status).toBe(200);
    const items = json.items as {
      item: string;
      level: string;
      percent: number | null;
      units: number;
      judge: unknown;
    }[];
    expect(items.find((i) => i.item === "rating.empathy")).toMatchObject({
      level: "ordinal",
      percent: 0,
      units: 2,
    });
    expect(items.find((i) => i.item === "safety_flag")).toMatchObject({ level: "nominal" });
    expect(items.find((i) => i.item === "ctrs.understanding")).toMatchObject({
      level: "ordinal",
      judge: { units: 1, meanAbsoluteDifference: 1 },
    });
    expect(json.disagreedRounds).toEqual([
      expect.objectContaining({ sessionId, round: 1, annotators: 2, spread: expect.any(Number) }),
    ]);
    expect(await call(agreementRoute.GET, alice, "GET", { id: queueId })).toMatchObject({ status: 403 });
  });
});

describe("pairwise preferences", () => {
  it("stores which of two sessions of one client is preferred per aspect, refusing a session outside the pair", async () => {
    const db = getDb();
    const first = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    const other = await db.session.create({
      data: {
        profileId: first.profileId,
        variant: "no_planner",
        status: "completed",
        config: {},
        roundCount: 1,
        openingCounselor: "Hi",
        openingClient: "Hello",
        rounds: { create: { index: 1, counselorReply: "C", clientReply: "K", selectedTechniques: [] } },
      },
    });
    const put = (baseVersion: number, preferences: Record<string, string>) =>
      call(
        preferencesRoute.PUT,
        researcher,
        "PUT",
        {},
        {
          sessionIds: [other.id, sessionId],
          baseVersion,
          data: { preferences },
        },
      );
    expect(await put(0, { understanding: "cunknown000000000000000000" })).toMatchObject({
      status: 400,
      fields: ["data.preferences.understanding"],
    });
    expect(await put(0, { charm: "tie" })).toMatchObject({ status: 400, fields: ["data.preferences.charm"] });
    expect(await put(0, { understanding: other.id, overall: "tie" })).toMatchObject({
      status: 200,
      json: { version: 1 },
    });
    expect(await put(0, { overall: sessionId })).toMatchObject({ status: 409 });
    expect(await put(1, { understanding: other.id, overall: sessionId })).toMatchObject({
      status: 200,
      json: { version: 2 },
    });
    expect(await put(1, { overall: "tie" })).toMatchObject({ status: 409, fields: ["baseVersion"] });
    const rows = (await exportText("format=annotations-jsonl"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows).toContainEqual(
      expect.objectContaining({
        item: "preference.understanding",
        value: other.id,
        annotator: "lead@example.org",
      }),
    );
  });
});

async function exportText(query: string) {
  const response = await exportRoute.GET(
    new Request(`http://127.0.0.1:3000/api/annotations/export?${query}`, {
      headers: { authorization: `Bearer ${researcher.key}` },
    }),
    { params: Promise.resolve({}) },
  );
  return response.text();
}
