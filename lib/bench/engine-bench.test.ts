import { describe, expect, it } from "vitest";
import type { PipelineEvent, PipelineEventBody } from "@/lib/pipeline/events";
import { roundTimings } from "./engine-bench";
import { formatTarget, median } from "./report";

let seq = 0;
const at = (timestamp: number, body: PipelineEventBody) =>
  ({ ...body, sessionId: "s", seq: seq++, timestamp }) as PipelineEvent;

function call(id: string, role: string, from: number, to: number): PipelineEvent[] {
  const technique = role.startsWith("specialist:") ? { technique: role.slice(11) } : {};
  const started = { type: "call-started", callId: id, role, roundIndex: 1, provider: "p", modelId: "m" };
  const usage = { inputTokens: 1, outputTokens: 1 };
  return [
    at(from, { ...started, ...technique, attempt: 1 } as PipelineEventBody),
    at(to, { type: "call-finished", callId: id, text: "t", rawText: "t", usage, latencyMs: to - from }),
  ];
}

describe("roundTimings", () => {
  it("takes the slowest of the selector and all five specialists, then fuser and client", () => {
    const events = [
      at(0, { type: "round-started", roundIndex: 1 }),
      ...call("a", "specialist:reflection", 1, 301),
      ...call("b", "specialist:questioning", 1, 351),
      // Not selected, but the paper's fuser reads it too: its 400 ms count.
      ...call("c", "specialist:normalization", 1, 401),
      ...call("g", "specialist:providing_solutions", 1, 201),
      ...call("h", "specialist:psycho_education", 1, 251),
      ...call("d", "selector", 2, 322),
      at(322, {
        type: "selection-made",
        roundIndex: 1,
        techniques: ["reflection", "questioning"],
        rationale: null,
        fallback: false,
      }),
      ...call("e", "fuser", 402, 702),
      ...call("f", "client", 703, 1003),
      at(1010, { type: "round-completed", round: { index: 1 } as never }),
    ];
    expect(roundTimings(events)).toEqual([{ roundIndex: 1, wallMs: 1010, criticalPathMs: 400 + 300 + 300 }]);
  });

  it("fails on a round missing one of the five candidates", () => {
    const events = [
      at(0, { type: "round-started", roundIndex: 1 }),
      ...call("d", "selector", 1, 100),
      ...call("e", "fuser", 101, 200),
      ...call("f", "client", 201, 300),
      at(301, { type: "round-completed", round: { index: 1 } as never }),
    ];
    expect(() => roundTimings(events)).toThrow(/no finished specialist:reflection call/);
  });

  it("fails on a round without its calls", () => {
    const events = [at(0, { type: "round-started", roundIndex: 1 })];
    expect(() => roundTimings(events)).toThrow(/did not both start and complete/);
  });
});

describe("report helpers", () => {
  it("computes medians and judges targets", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(formatTarget({ name: "x", value: 1.2, kind: "max", goal: 1.05 })).toMatch(/^MISS/);
    expect(formatTarget({ name: "y", value: 2.6, kind: "min", goal: 2.5 })).toMatch(/^PASS/);
  });
});
