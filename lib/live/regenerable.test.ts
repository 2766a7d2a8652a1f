import { describe, expect, it } from "vitest";
import type { PipelineEvent, PipelineEventBody } from "@/lib/pipeline/events";
import { applyEvent, emptyLiveSession, type LiveSession } from "./live-state";
import { regenerableRound } from "./regenerable";

let seq = 0;
function play(bodies: PipelineEventBody[], state = emptyLiveSession("s1", "magnet", 3)): LiveSession {
  return bodies.reduce(
    (next, body) => applyEvent(next, { ...body, sessionId: "s1", seq: ++seq, timestamp: 0 } as PipelineEvent),
    state,
  );
}

const usage = { inputTokens: 1, outputTokens: 1 };
function call(id: string, role: string, roundIndex: number, finished = true): PipelineEventBody[] {
  const started: PipelineEventBody = {
    type: "call-started",
    callId: id,
    role: role as never,
    roundIndex,
    provider: "simulator",
    modelId: "sim",
    attempt: 1,
  };
  if (!finished) return [started];
  return [
    started,
    { type: "call-finished", callId: id, text: `${role} text`, rawText: "", usage, latencyMs: 1 },
  ];
}

const started: PipelineEventBody = { type: "session-started", variant: "magnet", fromRound: 1, maxRounds: 3 };

describe("what a person may regenerate now", () => {
  it("while the round waits after the fuser: the written candidates, the selection and the reply, not the client's", () => {
    const state = play([
      started,
      ...call("r", "specialist:reflection", 1),
      ...call("q", "specialist:questioning", 1, false),
      ...call("sel", "selector", 1),
      ...call("f", "fuser", 1),
      { type: "steering-awaited", roundIndex: 1, point: "counselor", seat: "agents" },
    ]);
    expect(regenerableRound(state)).toEqual({
      roundIndex: 1,
      outputs: ["candidate:reflection", "selection", "counselor"],
    });
  });

  it("in the counselor's seat there is no agent reply to regenerate; a running session not waiting offers nothing", () => {
    const base = [started, ...call("r", "specialist:reflection", 1), ...call("sel", "selector", 1)];
    const seat = play([
      ...base,
      { type: "steering-awaited", roundIndex: 1, point: "counselor", seat: "counselor" },
    ]);
    expect(regenerableRound(seat)?.outputs).toEqual(["candidate:reflection", "selection"]);
    expect(regenerableRound(play(base))).toBeNull();
  });

  it("a regeneration keeps the round waiting, shows what is stale, and puts back the agents' reply", () => {
    const waiting = play([
      started,
      ...call("f", "fuser", 1),
      { type: "steering-awaited", roundIndex: 1, point: "client", seat: "agents" },
    ]);
    const edited = play(
      [
        {
          type: "steering-applied",
          roundIndex: 1,
          point: "counselor",
          kind: "counselor_edit",
          value: "Mine.",
          by: "Ada",
          interventionId: "i1",
        },
        { type: "steering-awaited", roundIndex: 1, point: "client", seat: "agents" },
      ],
      waiting,
    );
    expect(edited.rounds[0]).toMatchObject({ counselorReply: "Mine.", steering: { counselorEdited: true } });
    const remade = play(
      [
        ...call("f2", "fuser", 1),
        {
          type: "output-regenerated",
          roundIndex: 1,
          output: "counselor",
          value: "fuser again",
          stale: [],
          by: "Ada",
          interventionId: "i2",
        },
      ],
      edited,
    );
    expect(remade.rounds[0]).toMatchObject({
      counselorReply: "fuser again",
      steering: { counselorEdited: false, originalCounselorReply: null },
      awaiting: { point: "client" },
      stale: [],
    });
    // Who changed what is shown as it happens, once however often an event arrives.
    const again = play(
      [
        {
          type: "output-regenerated",
          roundIndex: 1,
          output: "counselor",
          value: "fuser again",
          stale: [],
          by: "Ada",
          interventionId: "i2",
        },
      ],
      remade,
    );
    expect(again.interventions.map((i) => [i.kind, i.userName, i.output])).toEqual([
      ["counselor_edit", "Ada", undefined],
      ["output_regenerated", "Ada", "counselor"],
    ]);
  });

  it("once stopped: every output of the last stored round, the client's reply included", () => {
    const state = play([
      started,
      ...call("r", "specialist:reflection", 1),
      ...call("f", "fuser", 1),
      ...call("c", "client", 1),
      {
        type: "round-completed",
        round: {
          sessionId: "s1",
          index: 1,
          counselorReply: "fuser text",
          clientReply: "client text",
          endedByClient: false,
          selectedTechniques: [],
          selectionRationale: null,
          selectionFallback: false,
          tokensIn: 0,
          tokensOut: 0,
        },
      },
      { type: "session-ended", status: "stopped", reason: "stopped" },
    ]);
    expect(regenerableRound(state)).toEqual({
      roundIndex: 1,
      outputs: ["candidate:reflection", "counselor", "client"],
    });
  });
});
