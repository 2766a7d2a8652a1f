import { describe, expect, it } from "vitest";
import { runNextRound } from "./engine";
import type { PipelineEvent } from "./events";
import { MemorySessionStore } from "./memory-store";
import { fakeModel, testConfig, testProfile } from "./testing";

const L = 150;

async function roundDuration(sequential: boolean): Promise<number> {
  const model = fakeModel({ latencyMs: () => L });
  const events: PipelineEvent[] = [];
  await runNextRound({
    sessionId: "timed",
    profile: testProfile,
    variant: "no_planner",
    config: testConfig({ maxRounds: 1, sequential }),
    store: new MemorySessionStore(),
    models: () => model,
    onEvent: (e) => events.push(e),
  });
  const started = events.find((e) => e.type === "round-started")?.timestamp ?? 0;
  const completed = events.find((e) => e.type === "round-completed")?.timestamp ?? 0;
  return completed - started;
}

describe("round timing with calls of fixed latency L", () => {
  it("runs a MAGneT round in about 3·L (all five specialists ∥ selector → fuser → client)", async () => {
    const ms = await roundDuration(false);
    expect(ms).toBeGreaterThanOrEqual(3 * L - 10);
    expect(ms).toBeLessThan(5 * L);
  });

  it("runs the sequential reference design in at least 8 calls' time", async () => {
    const ms = await roundDuration(true);
    expect(ms).toBeGreaterThanOrEqual(7 * L);
  });
});
