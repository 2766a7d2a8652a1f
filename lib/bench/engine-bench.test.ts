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
  it("takes the slowest of the selector and the selected specialists, then fuser and client", () => {
    const events = [
      at(0, { type: "round-started", roundIndex: 1 }),
      ...call("a", "specialist:reflection", 1, 301),
      ...call("b", "specialist:questioning", 1, 351),
      // Not selected: its 900 ms does not count.
      ...call("c", "specialist:normalization", 1, 901),
      ...call("d", "selector", 2, 322),
      at(322, {
        type: "selection-made",
        roundIndex: 1,
        techniques: ["reflection", "questioning"],
        rationale: null,
        fallback: false,
      }),
      ...call("e", "fuser", 352, 652),
      ...call("f", "client", 653, 953),
      at(960, { type: "round-completed", round: { index: 1 } as never }),
    ];
    expect(roundTimings(events)).toEqual([{ roundIndex: 1, wallMs: 960, criticalPathMs: 350 + 300 + 300 }]);
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
