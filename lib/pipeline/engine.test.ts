import { APICallError } from "ai";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import { runNextRound, runSession, type SessionRun } from "./engine";
import type { PipelineEvent } from "./events";
import { MemorySessionStore } from "./memory-store";
import { type FakeModel, fakeModel, testConfig, testRun } from "./testing";
import type { Variant } from "./types";

const SPECIALISTS = SPECIALIST_TECHNIQUES.map((t) => `specialist:${t}`);

function setup(model: FakeModel, overrides: Partial<SessionRun> = {}) {
  return testRun("session-1", model, overrides);
}

/** seq of the first event matching the predicate (call events matched by role through call-started). */
function seqOf(events: PipelineEvent[], type: PipelineEvent["type"], role: string): number {
  const started = events
    .filter((e) => e.type === "call-started" && e.role === role)
    .map((e) => e.type === "call-started" && e.callId);
  const found = events.find((e) => e.type === type && "callId" in e && started.includes(e.callId));
  if (!found) throw new Error(`no ${type} for ${role}`);
  return found.seq;
}

function rolesStarted(events: PipelineEvent[]): string[] {
  return events.flatMap((e) => (e.type === "call-started" ? [e.role] : []));
}

let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on("unhandledRejection", onUnhandled);
});
afterEach(() => {
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled).toEqual([]);
});

describe("variants call exactly their agents, in dependency order", () => {
  const expected: Record<Variant, string[]> = {
    magnet: ["planner", ...SPECIALISTS, "selector", "fuser", "client"],
    no_planner: [...SPECIALISTS, "selector", "fuser", "client"],
    no_selector: ["planner", ...SPECIALISTS, "fuser", "client"],
    no_planner_no_selector: [...SPECIALISTS, "fuser", "client"],
    cactus_baseline: ["planner", "counselor:cactus", "client"],
    psych8k_baseline: ["counselor:psych8k", "client"],
  };

  for (const [variant, roles] of Object.entries(expected) as [Variant, string[]][]) {
    it(variant, async () => {
      const model = fakeModel({ latencyMs: (role) => (role === "specialist:normalization" ? 30 : 5) });
      const { run, events, store } = setup(model, { variant: variant });
      const outcome = await runSession(run);
      expect(outcome.status).toBe("completed");
      expect(rolesStarted(events).sort()).toEqual([...roles].sort());
      const counselor = roles.find((r) => r === "fuser" || r.startsWith("counselor:")) as string;
      if (roles.includes("planner"))
        expect(seqOf(events, "call-finished", "planner")).toBeLessThan(
          seqOf(events, "call-started", roles[1]),
        );
      expect(seqOf(events, "call-finished", counselor)).toBeLessThan(seqOf(events, "call-started", "client"));
      const round = store.session("session-1").rounds[0];
      if (counselor === "fuser") {
        // As in the method, the fuser waits for all five candidates (and the selector, if any).
        const before = [...SPECIALISTS, ...(roles.includes("selector") ? ["selector"] : [])];
        for (const role of before)
          expect(seqOf(events, "call-finished", role)).toBeLessThan(seqOf(events, "call-started", "fuser"));
      }
      if (!roles.includes("selector") && counselor === "fuser")
        expect(round.selectedTechniques).toEqual([...SPECIALIST_TECHNIQUES]);
    });
  }
});

const candidateTexts = (extra: (role: string) => string | undefined = () => undefined) =>
  fakeModel({
    text: (role) => {
      if (role.startsWith("specialist:")) return `CANDIDATE-${role.slice("specialist:".length)}.`;
      return extra(role);
    },
  });

const pickQuestioningAndNormalization = (role: string) =>
  role === "selector"
    ? "Techniques: questioning, normalization\nReasoning: she is still telling her story."
    : undefined;

describe("fusion, as in the method", () => {
  it("gives the fuser all five candidates, labelled in a fixed order, and the selector's answer as written", async () => {
    const model = candidateTexts(pickQuestioningAndNormalization);
    const { run, store, events } = setup(model);
    await runSession(run);
    const fuserPrompt = model.calls.find((c) => c.role === "fuser")?.prompt ?? "";
    const labelled = [...fuserPrompt.matchAll(/<candidate technique="([^"]+)">\s*CANDIDATE-(\w+)/g)];
    expect(labelled.map((m) => m[2])).toEqual([...SPECIALIST_TECHNIQUES]);
    expect(fuserPrompt).toContain(
      "Techniques: questioning, normalization\nReasoning: she is still telling her story.",
    );
    const round = store.session("session-1").rounds[0];
    expect(round.selectedTechniques).toEqual(["questioning", "normalization"]);
    expect(round.selectionRationale).toBe("she is still telling her story.");
    expect(events.find((e) => e.type === "selection-made")).toMatchObject({
      techniques: ["questioning", "normalization"],
      fallback: false,
    });
  });

  it("starts the fuser only after a slow candidate, chosen or not, has finished", async () => {
    const model = fakeModel({
      latencyMs: (role) => (role === "specialist:psycho_education" ? 200 : 10),
      text: (role) => (role === "selector" ? "Techniques: reflection\nReasoning: r" : undefined),
    });
    const { run, events } = setup(model, { variant: "no_planner" });
    await runSession(run);
    expect(seqOf(events, "call-finished", "specialist:psycho_education")).toBeLessThan(
      seqOf(events, "call-started", "fuser"),
    );
  });

  it("fails the round when a candidate fails for good, since the fuser needs all five", async () => {
    const serverError = new APICallError({
      message: "Internal",
      url: "x",
      requestBodyValues: {},
      statusCode: 500,
    });
    const model = fakeModel({
      fail: (role) => (role === "specialist:psycho_education" ? serverError : undefined),
    });
    const { run, store } = setup(model, { variant: "no_planner" });
    const outcome = await runSession(run);
    expect(outcome.status).toBe("failed");
    expect(outcome.error).toMatch(/specialist:psycho_education failed after 4 attempt/);
    expect(store.session("session-1").calls.some((c) => c.role === "fuser")).toBe(false);
  });

  it("falls back to all five as the recorded selection when the selector names none", async () => {
    const model = fakeModel({
      text: (role) => (role === "selector" ? "I am not sure what to pick." : undefined),
    });
    const { run, store } = setup(model);
    await runSession(run);
    const round = store.session("session-1").rounds[0];
    expect(round.selectedTechniques).toEqual([...SPECIALIST_TECHNIQUES]);
    expect(round.selectionFallback).toBe(true);
  });
});

describe("the fuseSelectedOnly switch", () => {
  const selectedOnly = testConfig({ maxRounds: 1, switches: { fuseSelectedOnly: true } });

  it("puts exactly the selected candidates into the fuser's prompt, and changes nothing else", async () => {
    const model = candidateTexts(pickQuestioningAndNormalization);
    const { run, store } = setup(model, { config: selectedOnly });
    await runSession(run);
    const fuserPrompt = model.calls.find((c) => c.role === "fuser")?.prompt ?? "";
    expect(fuserPrompt).toContain("CANDIDATE-questioning");
    expect(fuserPrompt).toContain("CANDIDATE-normalization");
    for (const t of ["reflection", "providing_solutions", "psycho_education"])
      expect(fuserPrompt).not.toContain(`CANDIDATE-${t}`);
    expect(fuserPrompt).toContain("Techniques: questioning, normalization");

    const paper = candidateTexts(pickQuestioningAndNormalization);
    await runSession(setup(paper).run);
    const strip = (prompt: string) => prompt.replace(/<candidates>[\s\S]*<\/candidates>/, "");
    const paperFuser = paper.calls.find((c) => c.role === "fuser")?.prompt ?? "";
    expect(strip(fuserPrompt)).toBe(strip(paperFuser));
    const others = (calls: FakeModel["calls"]) =>
      calls
        .filter((c) => c.role !== "fuser" && c.role !== "client")
        .map((c) => c.prompt)
        .sort();
    expect(others(model.calls)).toEqual(others(paper.calls));
    expect(store.session("session-1").rounds[0].selectedTechniques).toEqual(["questioning", "normalization"]);
  });

  it("starts the fuser before a slow unselected specialist finishes, and still waits for it before committing", async () => {
    const model = fakeModel({
      latencyMs: (role) => (role === "specialist:psycho_education" ? 400 : 20),
      text: (role) => (role === "selector" ? '{"techniques":["reflection"],"rationale":"r"}' : undefined),
    });
    const { run, events, store } = setup(model, { variant: "no_planner", config: selectedOnly });
    await runSession(run);
    expect(seqOf(events, "call-started", "fuser")).toBeLessThan(
      seqOf(events, "call-finished", "specialist:psycho_education"),
    );
    expect(seqOf(events, "call-finished", "client")).toBeLessThan(
      seqOf(events, "call-finished", "specialist:psycho_education"),
    );
    const committed = events.find((e) => e.type === "round-completed")?.seq ?? 0;
    expect(seqOf(events, "call-finished", "specialist:psycho_education")).toBeLessThan(committed);
    expect(store.session("session-1").calls.filter((c) => c.status === "succeeded")).toHaveLength(8);
  });

  it("tolerates an unchosen candidate that fails, but not a store that fails", async () => {
    const serverError = new APICallError({
      message: "Internal",
      url: "x",
      requestBodyValues: {},
      statusCode: 500,
    });
    const model = fakeModel({
      fail: (role) => (role === "specialist:psycho_education" ? serverError : undefined),
      text: (role) => (role === "selector" ? '{"techniques":["reflection"],"rationale":"r"}' : undefined),
    });
    const { run, store } = setup(model, { variant: "no_planner", config: selectedOnly });
    expect((await runSession(run)).status).toBe("completed");
    const failed = store.session("session-1").calls.filter((c) => c.status === "failed");
    expect(failed.map((c) => c.role)).toEqual(Array(4).fill("specialist:psycho_education"));

    const brokenStore = new MemorySessionStore();
    brokenStore.saveAgentCall = async (record) => {
      if (record.role === "specialist:normalization") throw new Error("disk full");
    };
    const second = setup(
      fakeModel({
        text: (role) => (role === "selector" ? '{"techniques":["reflection"],"rationale":"r"}' : undefined),
      }),
      { variant: "no_planner", store: brokenStore, config: selectedOnly },
    );
    const outcome = await runSession(second.run);
    expect(outcome).toMatchObject({ status: "failed", error: "disk full" });
    expect(brokenStore.session("session-1").rounds).toHaveLength(0);
  });

  it("has no effect without a selector: all five are fused", async () => {
    const model = candidateTexts();
    const config = testConfig({ maxRounds: 1, switches: { fuseSelectedOnly: true } });
    await runSession(setup(model, { variant: "no_selector", config }).run);
    const fuserPrompt = model.calls.find((c) => c.role === "fuser")?.prompt ?? "";
    for (const t of SPECIALIST_TECHNIQUES) expect(fuserPrompt).toContain(`CANDIDATE-${t}`);
  });
});

describe("the shortAnswers switch", () => {
  // Fixed answers, so that every later prompt differs only by what the switch adds.
  const fixed = () =>
    fakeModel({
      text: (role) => {
        if (role === "planner") return "Technique: Reality Testing\nPlan: Test the belief.";
        return role === "selector" ? "Techniques: reflection\nReasoning: r" : `TEXT-${role}.`;
      },
    });
  const writersOf: [Variant, string[]][] = [
    ["magnet", ["planner", ...SPECIALISTS, "fuser", "client"]],
    ["cactus_baseline", ["planner", "counselor:cactus", "client"]],
    ["psych8k_baseline", ["counselor:psych8k", "client"]],
  ];

  it.each(writersOf)(
    "%s: adds a short-answer request to every writing agent's prompt and changes nothing else",
    async (variant, writers) => {
      const short = fixed();
      const config = testConfig({ maxRounds: 1, switches: { shortAnswers: true } });
      await runSession(setup(short, { config, variant }).run);
      const paper = fixed();
      await runSession(setup(paper, { variant }).run);
      for (const role of writers) {
        const asked = short.calls.find((c) => c.role === role)?.prompt ?? "";
        const plain = paper.calls.find((c) => c.role === role)?.prompt ?? "";
        expect(asked, role).toMatch(/Keep (it|the plan|your reply) short/);
        expect(plain, role).not.toMatch(/short/i);
        expect(asked.replace(/\n\nKeep (it|the plan|your reply) short[^\n]*$/, ""), role).toBe(plain);
      }
      expect(short.calls.length).toBe(paper.calls.length);
      const selector = (m: FakeModel) => m.calls.find((c) => c.role === "selector")?.prompt;
      expect(selector(short)).toBe(selector(paper));
    },
  );
});

describe("the client ends the session", () => {
  const ending = (fromRound: number) =>
    fakeModel({
      text: (role, reading) => {
        if (role !== "client") return undefined;
        const round = (reading.user.match(/^Counselor:/gm)?.length ?? 1) - 1;
        return round >= fromRound ? "Client: Thank you, I think that's all for today. [/END]" : undefined;
      },
    });

  it("ends on [/END] and strips the marker", async () => {
    const { run, store, events } = setup(ending(2), { config: testConfig({ maxRounds: 5 }) });
    const outcome = await runSession(run);
    expect(outcome).toMatchObject({ status: "ended_by_client", roundsCompleted: 2 });
    const rounds = store.session("session-1").rounds;
    expect(rounds[1]).toMatchObject({
      endedByClient: true,
      clientReply: "Thank you, I think that's all for today.",
    });
    expect(store.status("session-1")?.status).toBe("ended_by_client");
    expect(events.at(-1)).toMatchObject({ type: "session-ended", status: "ended_by_client" });
  });

  it("honours [/END] from the first round by default, as the paper does, and tells the client the length", async () => {
    const model = ending(1);
    const { run } = setup(model, { config: testConfig({ maxRounds: 5 }) });
    expect(await runSession(run)).toMatchObject({ status: "ended_by_client", roundsCompleted: 1 });
    expect(model.calls.find((c) => c.role === "client")?.prompt).toContain("runs for 5 rounds");
  });

  it("ignores an end before minRoundsBeforeEnd, when that switch is set, and changes nothing else", async () => {
    const model = ending(1);
    const { run, store } = setup(model, { config: testConfig({ maxRounds: 5, minRoundsBeforeEnd: 3 }) });
    const outcome = await runSession(run);
    expect(outcome).toMatchObject({ status: "ended_by_client", roundsCompleted: 3 });
    expect(store.session("session-1").rounds[0].clientReply).not.toContain("[/END]");
    // Round 1's prompts are those of the paper's run, which ended there.
    const paper = ending(1);
    await runSession(setup(paper, { config: testConfig({ maxRounds: 5 }) }).run);
    const roundOne = (m: FakeModel) =>
      m.calls.slice(0, paper.calls.length).map((c) => `${c.role}\n${c.prompt}`);
    expect(roundOne(model).sort()).toEqual(roundOne(paper).sort());
  });
});

describe("failures, retries and cancellation", () => {
  it("retries a 429 and records every attempt", async () => {
    const rateLimited = new APICallError({
      message: "Too many requests",
      url: "https://example.test",
      requestBodyValues: {},
      statusCode: 429,
    });
    const model = fakeModel({
      fail: (role, attempt) => (role === "fuser" && attempt === 1 ? rateLimited : undefined),
    });
    const { run, store, events } = setup(model);
    const outcome = await runSession(run);
    expect(outcome.status).toBe("completed");
    const fuserStarts = events.filter((e) => e.type === "call-started" && e.role === "fuser");
    expect(fuserStarts.map((e) => e.type === "call-started" && e.attempt)).toEqual([1, 2]);
    expect(events.find((e) => e.type === "call-failed")).toMatchObject({ willRetry: true, attempt: 1 });
    const fuserCalls = store.session("session-1").calls.filter((c) => c.role === "fuser");
    expect(fuserCalls.map((c) => [c.attempt, c.status])).toEqual([
      [1, "failed"],
      [2, "succeeded"],
    ]);
    expect(fuserCalls[0].error).toContain("Too many requests");
  });

  it("retries an empty reply", async () => {
    const model = fakeModel({
      text: (role, _r, attempt) => (role === "client" && attempt === 1 ? '  "" ' : undefined),
    });
    const { run, store } = setup(model);
    expect((await runSession(run)).status).toBe("completed");
    const clientCalls = store.session("session-1").calls.filter((c) => c.role === "client");
    expect(clientCalls.map((c) => c.status)).toEqual(["failed", "succeeded"]);
    expect(clientCalls[0].error).toMatch(/empty/i);
  });

  it("retries a call that times out", async () => {
    const model = fakeModel({
      latencyMs: (role, attempt) => (role === "client" && attempt === 1 ? 10_000 : 0),
    });
    const config = testConfig({ maxRounds: 1, settings: { client: { timeoutMs: 50 } } });
    const { run, store } = setup(model, { config });
    expect((await runSession(run)).status).toBe("completed");
    const attempts = store.session("session-1").calls.filter((c) => c.role === "client");
    expect(attempts.map((c) => c.status)).toEqual(["failed", "succeeded"]);
    expect(attempts[0].error).toMatch(/timed out after 50 ms/);
  });

  it("fails the session cleanly when retries run out, and resumes later", async () => {
    const broken = fakeModel({
      fail: (role) =>
        role === "selector"
          ? new APICallError({ message: "Bad gateway", url: "x", requestBodyValues: {}, statusCode: 502 })
          : undefined,
    });
    const { run, store, events } = setup(broken, {
      config: testConfig({ maxRounds: 2, retry: { maxAttempts: 3 } }),
    });
    const failed = await runSession(run);
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/selector failed after 3 attempt/);
    expect(store.session("session-1").rounds).toHaveLength(0);
    expect(store.session("session-1").plan).not.toBeNull();
    const lastFailure = events.filter((e) => e.type === "call-failed").at(-1);
    expect(lastFailure).toMatchObject({ willRetry: false, attempt: 3 });
    expect(
      store.session("session-1").calls.every((c) => c.status !== "succeeded" || c.role !== "fuser"),
    ).toBe(true);

    const healthy = fakeModel();
    const resumed = await runSession({ ...run, models: () => healthy });
    expect(resumed).toMatchObject({ status: "completed", roundsCompleted: 2 });
    expect(healthy.calls.some((c) => c.role === "planner")).toBe(false);
  });

  it("stops on abort: calls in flight are cancelled and the session is stopped", async () => {
    const model = fakeModel({ latencyMs: () => 200 });
    const controller = new AbortController();
    const { run, store, events } = setup(model, { signal: controller.signal, variant: "no_planner" });
    setTimeout(() => controller.abort(), 60);
    const started = Date.now();
    const outcome = await runSession(run);
    // Awaiting the calls instead would take three calls' time (600 ms); the margin is for busy machines.
    expect(Date.now() - started).toBeLessThan(400);
    expect(outcome.status).toBe("stopped");
    expect(store.status("session-1")?.status).toBe("stopped");
    const calls = store.session("session-1").calls;
    expect(calls).toHaveLength(6);
    expect(calls.every((c) => c.status === "cancelled")).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: "session-ended", status: "stopped" });
    await new Promise((resolve) => setTimeout(resolve, 250));
  });
});

describe("running round by round", () => {
  it("runNextRound plays one round and pauses; runSession resumes to the end", async () => {
    const model = fakeModel();
    const { run, store } = setup(model, { config: testConfig({ maxRounds: 3 }) });
    expect(await runNextRound(run)).toMatchObject({ status: "paused", roundsCompleted: 1 });
    expect(await runNextRound(run)).toMatchObject({ status: "paused", roundsCompleted: 2 });
    expect(await runSession(run)).toMatchObject({ status: "completed", roundsCompleted: 3 });
    expect(store.session("session-1").rounds.map((r) => r.index)).toEqual([1, 2, 3]);
    expect(model.calls.filter((c) => c.role === "planner")).toHaveLength(1);
    expect(await runNextRound(run)).toMatchObject({ status: "completed", roundsCompleted: 3 });
  });

  it("pauses after the round in progress when a pause is requested", async () => {
    let pause = false;
    const { run, store } = setup(fakeModel(), {
      config: testConfig({ maxRounds: 5 }),
      onEvent: (event) => {
        if (event.type === "round-started" && event.roundIndex === 2) pause = true;
      },
      pauseRequested: () => pause,
    });
    expect(await runSession(run)).toMatchObject({ status: "paused", roundsCompleted: 2 });
    expect(store.session("session-1").rounds.map((r) => r.index)).toEqual([1, 2]);
  });

  it("numbers events from firstSeq, one by one", async () => {
    const { run, events } = setup(fakeModel(), { firstSeq: 100 });
    await runSession(run);
    expect(events[0].seq).toBe(100);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => 100 + i));
    expect(events.every((e) => e.sessionId === "session-1" && typeof e.timestamp === "number")).toBe(true);
  });

  it("streams deltas that add up to the raw text", async () => {
    const { run, events } = setup(fakeModel());
    await runSession(run);
    const finished = events.filter((e) => e.type === "call-finished");
    for (const done of finished) {
      if (done.type !== "call-finished") continue;
      const deltas = events.flatMap((e) =>
        e.type === "call-delta" && e.callId === done.callId ? [e.delta] : [],
      );
      expect(deltas.join("")).toBe(done.rawText);
    }
  });
});
