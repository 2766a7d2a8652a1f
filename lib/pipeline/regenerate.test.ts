import { APICallError } from "ai";
import { describe, expect, it } from "vitest";
import { SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import { runSession, type SessionRun } from "./engine";
import { type RoundInputs, regenerateOutput } from "./regenerate";
import { type RegenerableOutput, unsteeredRound } from "./steering";
import { type FakeModelOptions, fakeModel, testConfig, testRun } from "./testing";
import type { AgentCallRecord } from "./types";

const ADA = { userId: "u1", name: "Ada" };
const serverError = new APICallError({
  message: "Internal",
  url: "x",
  requestBodyValues: {},
  statusCode: 500,
});

/** A session with one stored round, played by a fake model that answers the calls made again as told. */
async function storedRound(overrides: Partial<SessionRun> = {}, again: FakeModelOptions = {}) {
  const model = fakeModel({
    fail: (role, attempt) => (attempt > 1 ? again.fail?.(role, attempt) : undefined),
    text: (role, reading, attempt) => (attempt > 1 ? again.text?.(role, reading, attempt) : undefined),
  });
  const { run, store, events } = testRun("s1", model, overrides);
  await runSession(run);
  const data = store.session("s1");
  const regenerate = async (output: RegenerableOutput, stale: RegenerableOutput[] = []) =>
    regenerateOutput(run, await store.loadProgress("s1"), { ...inputsOf(data.calls), stale }, output, ADA);
  return { regenerate, data, events, model, round: data.rounds[0] };
}

/** What the stored round was made from, read from its calls as lib/sessions/round-inputs.ts does. */
function inputsOf(calls: readonly AgentCallRecord[]): Omit<RoundInputs, "stale"> {
  const attempts: Record<string, number> = {};
  const latest = new Map<string, string>();
  for (const call of calls.filter((c) => c.roundIndex === 1)) {
    attempts[call.role] = Math.max(attempts[call.role] ?? 0, call.attempt);
    if (call.status === "succeeded") latest.set(call.role, call.cleanedOutput ?? "");
  }
  const candidates = SPECIALIST_TECHNIQUES.flatMap((technique) => {
    const text = latest.get(`specialist:${technique}`);
    return text === undefined ? [] : [{ technique, text }];
  });
  return { candidates, selectorAnswer: latest.get("selector") ?? null, attempts };
}

describe("regenerating one output of a stored round", () => {
  it("a call that fails for good rejects with the provider's error, and nothing is recorded", async () => {
    const { regenerate, data, events } = await storedRound({}, { fail: () => serverError });
    const before = events.length;
    await expect(regenerate("counselor")).rejects.toMatchObject({ code: "provider" });
    await expect(regenerate("candidate:reflection")).rejects.toMatchObject({ code: "provider" });
    expect(data.interventions).toEqual([]);
    expect(events.slice(before).map((e) => e.type)).not.toContain("output-regenerated");
    expect(events.slice(before).map((e) => e.type)).not.toContain("round-completed");
  });

  it("the fuser made again reads the stored chosen candidates and the selector's answer (fuseSelectedOnly)", async () => {
    const config = testConfig({ maxRounds: 1, switches: { fuseSelectedOnly: true } });
    const { regenerate, data, model, round } = await storedRound({ config });
    const result = await regenerate("counselor");

    const fusers = data.calls.filter((c) => c.role === "fuser");
    expect(fusers.map((c) => c.attempt)).toEqual([1, 2]);
    const prompt = model.calls.filter((c) => c.role === "fuser")[1].prompt;
    expect(prompt.match(/<candidate technique=/g)).toHaveLength(round.selectedTechniques.length);
    for (const technique of round.selectedTechniques) {
      const candidate = data.calls.find((c) => c.role === `specialist:${technique}`);
      expect(prompt).toContain(candidate?.cleanedOutput);
    }
    expect(prompt).toContain(data.calls.find((c) => c.role === "selector")?.cleanedOutput);
    expect(result).toMatchObject({
      stale: ["client"],
      original: round.counselorReply,
      value: fusers[1].cleanedOutput,
      round: { counselorReply: fusers[1].cleanedOutput, clientReply: round.clientReply },
    });
  });

  it("under fuseSelectedOnly, a candidate the reply was not fused from makes nothing stale", async () => {
    const config = testConfig({ maxRounds: 1, switches: { fuseSelectedOnly: true } });
    const { regenerate, round } = await storedRound({ config });
    const unread = SPECIALIST_TECHNIQUES.find((t) => !round.selectedTechniques.includes(t));
    const read = round.selectedTechniques[0];
    if (!unread || !read) throw new Error("the fake selector should choose some techniques, not all five");
    expect(await regenerate(`candidate:${unread}`)).toMatchObject({ stale: [] });
    expect(await regenerate(`candidate:${read}`)).toMatchObject({ stale: ["counselor", "client"] });
  });

  it("a candidate or the selection made again leaves the replies standing but stale", async () => {
    const { regenerate, data, round } = await storedRound();
    const candidate = await regenerate("candidate:normalization");
    expect(candidate).toMatchObject({
      stale: ["counselor", "client"],
      round: { counselorReply: round.counselorReply },
    });
    expect(data.calls.filter((c) => c.role === "specialist:normalization").map((c) => c.attempt)).toEqual([
      1, 2,
    ]);

    const selection = await regenerate("selection", ["counselor", "client"]);
    const selector = data.calls.filter((c) => c.role === "selector");
    expect(selector.map((c) => c.attempt)).toEqual([1, 2]);
    expect(selection).toMatchObject({
      stale: ["counselor", "client"],
      original: round.selectedTechniques,
      round: { counselorReply: round.counselorReply, selectedTechniques: selection.value },
    });
    expect(data.interventions.map((i) => [i.kind, i.detail])).toEqual([
      ["output_regenerated", { output: "candidate:normalization" }],
      ["output_regenerated", { output: "selection" }],
    ]);
  });

  it("the client's reply is made again to the stored counselor reply; a person's mark on it is cleared", async () => {
    const { regenerate, data, round, events, model } = await storedRound(
      {},
      { text: (role) => (role === "client" ? "I think I am done here. [/END]" : undefined) },
    );
    const steering = { ...unsteeredRound("agents"), clientEdited: true, originalClientReply: "hm" };
    data.rounds[0] = { ...round, steering };
    const result = await regenerate("client", ["counselor", "client"]);

    expect(model.calls.filter((c) => c.role === "client")[1].prompt).toContain(round.counselorReply);
    expect(result).toMatchObject({
      stale: ["counselor"],
      original: round.clientReply,
      value: "I think I am done here.",
      round: {
        clientReply: "I think I am done here.",
        endedByClient: true,
        steering: { clientEdited: false, originalClientReply: null },
      },
    });
    expect(events.filter((e) => e.type === "output-regenerated").at(-1)).toMatchObject({
      output: "client",
      stale: ["counselor"],
      by: "Ada",
    });
    expect(events.at(-1)).toMatchObject({ type: "round-completed", round: result.round });
  });

  it("a baseline remakes its counselor's reply, and has no candidate or selection to regenerate (422)", async () => {
    const { regenerate, data } = await storedRound({ variant: "cactus_baseline" });
    expect(await regenerate("counselor")).toMatchObject({ stale: ["client"] });
    expect(data.calls.filter((c) => c.role === "counselor:cactus").map((c) => c.attempt)).toEqual([1, 2]);
    await expect(regenerate("candidate:reflection")).rejects.toMatchObject({
      status: 422,
      message: "A cactus_baseline session has no candidate:reflection to regenerate",
    });
    await expect(regenerate("selection")).rejects.toMatchObject({ status: 422 });
  });
});
