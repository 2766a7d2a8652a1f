import { describe, expect, it } from "vitest";
import { latestAttempts } from "@/lib/live/live-state";
import { advanceTo } from "./player";
import { buildTimeline, initialReplayState, MAX_IDLE_MS, type ReplayData, splitText } from "./timeline";

const SPECIALISTS = ["reflection", "questioning", "providing_solutions", "normalization", "psycho_education"];

function data(rounds = 2): ReplayData {
  const calls: ReplayData["calls"] = [];
  const call = (role: string, roundIndex: number | null, startMs: number, ms: number, text: string) =>
    calls.push({
      id: `c${calls.length + 1}`,
      role,
      technique: role.startsWith("specialist:") ? role.slice(11) : null,
      roundIndex,
      provider: "offline",
      modelId: "offline-simulator",
      attempt: 1,
      text,
      latencyMs: ms,
      tokensIn: 10,
      tokensOut: 5,
      startMs,
      endMs: startMs + ms,
    });
  call("planner", null, 0, 1_000, "Decatastrophizing. Plan.");
  for (let i = 1; i <= rounds; i++) {
    const start = i * 60_000;
    for (const t of SPECIALISTS)
      call(`specialist:${t}`, i, start, 2_000, `The ${t} candidate of round ${i}, in words.`);
    call("selector", i, start, 800, "reflection, questioning");
    call("fuser", i, start + 2_000, 1_500, `Counselor ${i}`);
    call("client", i, start + 3_500, 1_000, `Client ${i}`);
  }
  return {
    status: "completed",
    variant: "magnet",
    source: "generated",
    maxRounds: rounds,
    models: "offline-simulator",
    plan: { technique: "Decatastrophizing", techniqueRaw: "Decatastrophizing", plan: "Plan." },
    opening: { counselor: "Hi", client: "Hello" },
    profile: { name: "A", attitude: "neutral", presentingProblem: "p" },
    rounds: Array.from({ length: rounds }, (_, k) => ({
      index: k + 1,
      counselorReply: `Counselor ${k + 1}`,
      clientReply: `Client ${k + 1}`,
      endedByClient: false,
      selectedTechniques: ["reflection", "questioning"],
      selectionRationale: "fits",
    })),
    calls,
  };
}

describe("replay timeline", () => {
  it("played to the end gives the stored session: plan, every round, every output", () => {
    const replay = data(3);
    const timeline = buildTimeline(replay);
    const initial = initialReplayState(replay);
    const { state } = advanceTo(timeline, initial, { next: 0, state: initial }, timeline.duration);
    expect(state.status).toBe("completed");
    expect(state.plan?.technique).toBe("Decatastrophizing");
    expect(state.roundCount).toBe(3);
    expect(state.rounds.map((r) => [r.index, r.committed, r.counselorReply, r.clientReply])).toEqual([
      [1, true, "Counselor 1", "Client 1"],
      [2, true, "Counselor 2", "Client 2"],
      [3, true, "Counselor 3", "Client 3"],
    ]);
    expect(state.rounds[0].selection?.techniques).toEqual(["reflection", "questioning"]);
    for (const call of Object.values(state.calls)) {
      expect(call.status).toBe("succeeded");
      expect(call.text).toBe(replay.calls.find((c) => c.id === call.id)?.text);
    }
  });

  it("cuts the idle minute between rounds and keeps each call's own time", () => {
    const timeline = buildTimeline(data(2));
    const r1 = timeline.roundStarts.get(1) ?? 0;
    const r2 = timeline.roundStarts.get(2) ?? 0;
    // The planner ends at 1 s; round 1 starts at most MAX_IDLE_MS later, round 2 the same after round 1's 4.5 s.
    expect(r1).toBe(1_000 + MAX_IDLE_MS);
    expect(r2 - r1).toBe(4_500 + MAX_IDLE_MS);
    const times = timeline.events.map((e) => e.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("mid-round, candidates stream while the fuser and client wait; seeking back works", () => {
    const replay = data(2);
    const timeline = buildTimeline(replay);
    const initial = initialReplayState(replay);
    const r2 = timeline.roundStarts.get(2) ?? 0;
    const mid = advanceTo(timeline, initial, { next: 0, state: initial }, r2 + 1_000);
    const round2 = mid.state.rounds.find((r) => r.index === 2);
    expect(round2?.committed).toBe(false);
    const calls = latestAttempts(mid.state, round2?.callIds ?? []);
    const reflection = calls.find((c) => c.role === "specialist:reflection");
    expect(reflection?.status).toBe("running");
    expect(reflection?.text.length).toBeGreaterThan(0);
    expect(reflection?.text.length).toBeLessThan(replay.calls[1].text.length);
    expect(calls.find((c) => c.role === "selector")?.status).toBe("succeeded");
    expect(calls.find((c) => c.role === "fuser")).toBeUndefined();
    expect(mid.state.rounds.find((r) => r.index === 1)?.committed).toBe(true);
    // Back to round 1's start: round 2 has not begun.
    const back = advanceTo(timeline, initial, mid, timeline.roundStarts.get(1) ?? 0);
    expect(back.state.rounds.map((r) => r.index)).toEqual([1]);
    expect(back.state.rounds[0].committed).toBe(false);
  });

  it("an imported session (no calls) plays its rounds one after another", () => {
    const replay = { ...data(2), calls: [], source: "imported" as const };
    const timeline = buildTimeline(replay);
    const initial = initialReplayState(replay);
    expect((timeline.roundStarts.get(2) ?? 0) > (timeline.roundStarts.get(1) ?? 0)).toBe(true);
    const end = advanceTo(timeline, initial, { next: 0, state: initial }, timeline.duration).state;
    expect(end.rounds.map((r) => r.clientReply)).toEqual(["Client 1", "Client 2"]);
    expect(end.plan?.plan).toBe("Plan.");
  });

  it("streams text in pieces that add up to it", () => {
    const text = `${"word ".repeat(200)}end.`;
    const pieces = splitText(text);
    expect(pieces.join("")).toBe(text);
    expect(pieces.length).toBeLessThanOrEqual(40);
    expect(splitText("")).toEqual([]);
  });
});
