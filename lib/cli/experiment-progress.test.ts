import { describe, expect, it } from "vitest";
import type { ExperimentProgress } from "@/lib/experiments/schema";
import { progressLine } from "./experiment-progress";

function progress(cost: ExperimentProgress["cost"]): ExperimentProgress {
  return {
    id: "e1",
    name: "Pilot",
    description: null,
    status: "running",
    createdAt: "2026-11-30T00:00:00.000Z",
    design: {
      name: "Pilot",
      profiles: "all",
      variants: ["magnet"],
      models: {},
      repeats: 1,
      rounds: 2,
      evaluate: [],
    },
    counts: { total: 4, queued: 1, running: 1, done: 2, failed: 0, halted: 0 },
    rounds: { done: 5, planned: 8 },
    tokens: { input: 12_000, output: 800 },
    cost,
    secondsLeft: 40,
    finished: false,
  } as ExperimentProgress;
}

describe("the progress line of npm run experiment", () => {
  it("says the offline simulator is free instead of printing zero dollars", () => {
    const line = progressLine(progress({ spent: 0, estimatedTotal: 0, free: true }));
    expect(line).toContain("tokens 12,800 · Free (offline simulator) · ~40 s left");
    expect(line).not.toContain("$");
  });

  it("keeps real costs in dollars, spent of the estimated total", () => {
    const line = progressLine(progress({ spent: 0.0123, estimatedTotal: 0.0401, free: false }));
    expect(line).toContain("tokens 12,800 · $0.0123 of ~$0.0401 · ~40 s left");
  });

  it("leaves the cost out when no price is known, or before the first call says anything", () => {
    expect(progressLine(progress(null))).toContain("tokens 12,800 · ~40 s left");
    const line = progressLine(progress({ spent: 0, estimatedTotal: 0, free: false }));
    expect(line).toContain("tokens 12,800 · ~40 s left");
    expect(line).not.toContain("$");
  });

  it("draws the bar from the finished sessions", () => {
    expect(progressLine(progress(null))).toMatch(
      /^\[█{12}░{12}\] 2\/4 \(2 done, 1 running, 0 failed, 1 queued\)/,
    );
  });
});
