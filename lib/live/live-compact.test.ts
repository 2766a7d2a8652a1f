import { describe, expect, it } from "vitest";
import { runSession } from "@/lib/pipeline/engine";
import type { PipelineEvent } from "@/lib/pipeline/events";
import { MemorySessionStore } from "@/lib/pipeline/memory-store";
import { testConfig, testProfile } from "@/lib/pipeline/testing";
import { createOfflineSimulator } from "@/lib/providers";
import { compactLiveSession, expandLiveSession, isTextWithheld } from "./live-compact";
import { applyEvent, emptyLiveSession, type LiveSession } from "./live-state";

async function playedSession(rounds: number): Promise<LiveSession> {
  const events: PipelineEvent[] = [];
  await runSession({
    sessionId: "s1",
    profile: testProfile,
    variant: "magnet",
    config: testConfig({ maxRounds: rounds }),
    store: new MemorySessionStore(),
    models: () => createOfflineSimulator({ latencyMs: 0, tokensPerSecond: 5_000 }),
    onEvent: (event) => events.push(event),
  });
  return events.reduce(applyEvent, emptyLiveSession("s1", "magnet", rounds));
}

describe("compact live session", () => {
  it("expands back to the same state, for a played session", async () => {
    const state = await playedSession(3);
    expect(state.rounds).toHaveLength(3);
    expect(expandLiveSession(compactLiveSession(state, Infinity))).toEqual(state);
  });

  it("keeps a round in progress, a reply no call wrote (an edit) and a retried call", async () => {
    const state = await playedSession(2);
    const [first, second] = state.rounds;
    const retried = {
      ...state.calls[second.callIds[0]],
      id: "retry",
      attempt: 2,
      status: "running" as const,
    };
    const changed: LiveSession = {
      ...state,
      calls: { ...state.calls, retry: retried },
      rounds: [
        { ...first, counselorReply: "Edited by a clinician." },
        {
          ...second,
          callIds: [...second.callIds, "retry"],
          committed: false,
          selection: null,
          clientReply: null,
        },
      ],
    };
    expect(expandLiveSession(compactLiveSession(changed, Infinity))).toEqual(changed);
  });

  it("sends each stored reply's text once", async () => {
    const state = await playedSession(3);
    const compact = JSON.stringify(compactLiveSession(state, Infinity));
    const reply = state.rounds[0].counselorReply ?? "";
    expect(reply.length).toBeGreaterThan(20);
    expect(compact.split(JSON.stringify(reply)).length - 1).toBe(1);
    expect(compact.length).toBeLessThan(JSON.stringify(state).length * 0.75);
  });

  it("carries the agents' outputs of the first rounds and a round in progress only, and the dialogue of all", async () => {
    const played = await playedSession(10);
    const inProgress = { ...played.rounds[9], committed: false, counselorReply: null, clientReply: null };
    const state = { ...played, rounds: [...played.rounds.slice(0, 9), inProgress] };
    const expanded = expandLiveSession(compactLiveSession(state, 3));
    expect(expanded.rounds.map((r) => [r.counselorReply, r.clientReply])).toEqual(
      state.rounds.map((r) => [r.counselorReply, r.clientReply]),
    );
    for (const call of Object.values(expanded.calls)) {
      const sent = call.roundIndex === null || call.roundIndex <= 3 || call.roundIndex === 10;
      expect(isTextWithheld(call), `${call.role} of round ${call.roundIndex}`).toBe(!sent);
      expect(call.text).toBe(sent ? state.calls[call.id].text : "");
      expect({ ...call, text: "" }).toEqual({ ...state.calls[call.id], text: "" });
    }
    // The withheld candidates' text is what the page no longer carries.
    const withheld = Object.values(state.calls)
      .filter((call) => call.role.startsWith("specialist:") && call.roundIndex !== null)
      .filter((call) => (call.roundIndex ?? 0) > 3 && call.roundIndex !== 10)
      .reduce((sum, call) => sum + call.text.length, 0);
    expect(withheld).toBeGreaterThan(1_000);
    const saved =
      JSON.stringify(compactLiveSession(state, Infinity)).length -
      JSON.stringify(compactLiveSession(state, 3)).length;
    expect(saved).toBeGreaterThanOrEqual(withheld);
  });
});
