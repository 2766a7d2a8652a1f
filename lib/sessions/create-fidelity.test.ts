import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import { getDb } from "@/lib/db/client";
import { formatHistory, formatPlan } from "@/lib/prompts";
import { runStoredSession } from "@/lib/runs/runner";
import { sampleProfileId, simulateOffline } from "@/lib/testing/sessions";
import { type SessionConfigOverrides, VARIANTS, type Variant } from "../pipeline";
import { createSession } from "./create";

// What each agent sees, read back from a stored session's AgentCall rows, for every variant: the inputs
// the published method gives each agent, and nothing more.

let profileId = "";
beforeAll(async () => {
  profileId = await sampleProfileId();
});

beforeEach(() => simulateOffline());

async function storedSession(variant: Variant, overrides: SessionConfigOverrides = {}) {
  const { id } = await createSession({ profileId, variant, overrides: { maxRounds: 2, ...overrides } });
  expect(await runStoredSession({ sessionId: id, mode: "to-end" })).toMatchObject({ status: "completed" });
  const session = await getDb().session.findUniqueOrThrow({
    where: { id },
    include: { rounds: { orderBy: { index: "asc" } }, agentCalls: true, profile: true },
  });
  const promptOf = (role: string, round: number | null) => {
    const call = session.agentCalls.find((c) => c.role === role && c.roundIndex === round);
    if (!call) throw new Error(`no ${role} call in round ${round}`);
    return JSON.stringify(call.promptMessages);
  };
  const outputOf = (role: string, round: number) =>
    session.agentCalls.find((c) => c.role === role && c.roundIndex === round)?.cleanedOutput ?? "";
  // Round 2's agents have seen the opening and round 1; these are the lines of that history.
  const [first] = session.rounds;
  const historyLines = formatHistory([
    { role: "counselor", message: session.openingCounselor },
    { role: "client", message: session.openingClient },
    { role: "counselor", message: first.counselorReply },
    { role: "client", message: first.clientReply ?? "" },
  ]).split("\n");
  const plan = session.plan
    ? formatPlan({
        technique: session.technique,
        techniqueRaw: session.techniqueRaw ?? "",
        plan: session.plan,
      })
    : null;
  return { session, promptOf, outputOf, historyLines, plan, profile: session.profile };
}

type Stored = Awaited<ReturnType<typeof storedSession>>;
const json = (text: string) => JSON.stringify(text).slice(1, -1);

function expectSees(prompt: string, what: Record<string, string>, sees: boolean) {
  for (const [name, text] of Object.entries(what)) {
    if (sees) expect(prompt, `should see ${name}`).toContain(json(text));
    else expect(prompt, `should not see ${name}`).not.toContain(json(text));
  }
}

function intake(s: Stored) {
  return { "client information": s.profile.clientInformation, reason: s.profile.reasonForCounseling };
}

function historyOf(s: Stored) {
  return Object.fromEntries(s.historyLines.map((line, i) => [`history line ${i + 1}`, line]));
}

function expectPlanner(s: Stored) {
  const prompt = s.promptOf("planner", null);
  expectSees(prompt, { ...intake(s), "first utterance": s.profile.openingClient }, true);
  expectSees(prompt, { "the counselor's greeting": `Counselor: ${s.session.openingCounselor}` }, false);
}

function expectSpecialists(s: Stored) {
  for (const t of SPECIALIST_TECHNIQUES) {
    const prompt = s.promptOf(`specialist:${t}`, 2);
    expectSees(prompt, { ...intake(s), ...historyOf(s) }, true);
    expect(prompt).not.toContain("<plan>");
    if (s.plan) expectSees(prompt, { plan: s.plan }, false);
  }
}

function expectSelector(s: Stored) {
  const prompt = s.promptOf("selector", 2);
  expectSees(prompt, historyOf(s), true);
  expectSees(prompt, intake(s), false);
  if (s.plan) expectSees(prompt, { plan: s.plan }, true);
  else expect(prompt).not.toContain("<plan>");
}

function candidatesOf(s: Stored) {
  return Object.fromEntries(SPECIALIST_TECHNIQUES.map((t) => [t, s.outputOf(`specialist:${t}`, 2)]));
}

describe("what each agent of a stored session saw, by variant", () => {
  it("magnet: planner, specialists, selector as published; the fuser sees the five and the selector's answer only", async () => {
    const s = await storedSession("magnet");
    expectPlanner(s);
    expectSpecialists(s);
    expectSelector(s);
    const fuser = s.promptOf("fuser", 2);
    expectSees(fuser, { ...candidatesOf(s), "selector's answer": s.outputOf("selector", 2) }, true);
    expectSees(fuser, { ...historyOf(s), ...intake(s), plan: s.plan ?? "" }, false);
    expect(fuser).not.toMatch(/<history>|<plan>|<client_information>/);
  });

  it("no_planner: the selector sees the history only; the fuser as in magnet", async () => {
    const s = await storedSession("no_planner");
    expect(s.session.agentCalls.some((c) => c.role === "planner")).toBe(false);
    expectSpecialists(s);
    expectSelector(s);
    const fuser = s.promptOf("fuser", 2);
    expectSees(fuser, { ...candidatesOf(s), "selector's answer": s.outputOf("selector", 2) }, true);
    expectSees(fuser, { ...historyOf(s), ...intake(s) }, false);
  });

  it("no_selector: the fuser sees the five, the plan and the history", async () => {
    const s = await storedSession("no_selector");
    expectPlanner(s);
    expectSpecialists(s);
    const fuser = s.promptOf("fuser", 2);
    expectSees(fuser, { ...candidatesOf(s), ...historyOf(s), plan: s.plan ?? "missing plan" }, true);
    expectSees(fuser, intake(s), false);
    expect(fuser).not.toContain("<selector_answer>");
  });

  it("no_planner_no_selector: the fuser sees the five and the history", async () => {
    const s = await storedSession("no_planner_no_selector");
    expectSpecialists(s);
    const fuser = s.promptOf("fuser", 2);
    expectSees(fuser, { ...candidatesOf(s), ...historyOf(s) }, true);
    expectSees(fuser, intake(s), false);
    expect(fuser).not.toMatch(/<plan>|<selector_answer>/);
  });

  it("cactus_baseline: the counselor sees client information, reason, plan and history", async () => {
    const s = await storedSession("cactus_baseline");
    expectPlanner(s);
    const counselor = s.promptOf("counselor:cactus", 2);
    expectSees(counselor, { ...intake(s), ...historyOf(s), plan: s.plan ?? "missing plan" }, true);
  });

  it("psych8k_baseline: the counselor sees the history only, no intake text", async () => {
    const s = await storedSession("psych8k_baseline");
    const counselor = s.promptOf("counselor:psych8k", 2);
    expectSees(counselor, historyOf(s), true);
    expectSees(counselor, intake(s), false);
    // The simulated client retells its intake form, so only lines that never came up in the dialogue count.
    const dialogue = s.historyLines.join("\n");
    const unspoken = s.profile.intakeText
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.length > 20 && !dialogue.includes(l));
    expect(unspoken.length).toBeGreaterThan(3);
    for (const line of unspoken) expect(counselor).not.toContain(json(line));
    expect(counselor).not.toMatch(/<plan>|<client_information>|<reason_counseling>|<intake_form>/);
  });

  it.each(VARIANTS)(
    "%s: the client sees the intake form, its attitude, the history and the length",
    async (variant) => {
      const s = await storedSession(variant);
      const client = s.promptOf("client", 1);
      expectSees(client, { intake: s.profile.intakeText, attitude: s.profile.attitudeInstruction }, true);
      expect(client).toContain("runs for 2 rounds");
      expect(client).not.toMatch(/Keep your reply short/);
    },
  );
});

describe("switches frozen into the stored config", () => {
  it("stores the paper's defaults and a departure when one is asked for", async () => {
    const paper = await createSession({ profileId, variant: "magnet" });
    expect(paper.config).toMatchObject({
      minRoundsBeforeEnd: 0,
      switches: { fuseSelectedOnly: false, shortAnswers: false },
    });
    const s = await storedSession("magnet", { switches: { fuseSelectedOnly: true } });
    expect(s.session.config).toMatchObject({ switches: { fuseSelectedOnly: true, shortAnswers: false } });
    const fuser = s.promptOf("fuser", 2);
    const chosen = s.session.rounds[1].selectedTechniques;
    const candidates = candidatesOf(s);
    for (const t of SPECIALIST_TECHNIQUES)
      expect(fuser.includes(`technique=\\"`) && fuser.includes(json(candidates[t]))).toBe(chosen.includes(t));
  });
});
