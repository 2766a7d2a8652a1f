import { describe, expect, it } from "vitest";
import { runNextRound } from "./engine";
import type { PipelineEvent } from "./events";
import { MemorySessionStore } from "./memory-store";
import { fakeModel, testConfig, testProfile } from "./testing";

const L = 150;

interface CallSpan {
  role: string;
  start: number;
  end: number;
}

// The schedule is asserted by the order of events and lower bounds only: upper bounds on wall time
// fail on a busy machine. How close a round comes to its critical path is `npm run bench`'s job.
async function playRound(sequential: boolean): Promise<{ ms: number; calls: CallSpan[] }> {
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
  const at = (type: PipelineEvent["type"]) => events.find((e) => e.type === type)?.timestamp ?? 0;
  const calls = events.flatMap((e) => {
    if (e.type !== "call-started") return [];
    const end = events.find((f) => f.type === "call-finished" && f.callId === e.callId)?.timestamp ?? 0;
    return [{ role: e.role, start: e.timestamp, end }];
  });
  return { ms: at("round-completed") - at("round-started"), calls };
}

const of = (calls: CallSpan[], prefix: string) => calls.filter((c) => c.role.startsWith(prefix));

describe("round timing with calls of fixed latency L", () => {
  it("runs a MAGneT round as all five specialists ∥ selector → fuser → client (about 3·L)", async () => {
    const { ms, calls } = await playRound(false);
    const firstWave = [...of(calls, "specialist:"), ...of(calls, "selector")];
    expect(firstWave).toHaveLength(6);
    const firstFinish = Math.min(...firstWave.map((c) => c.end));
    for (const call of firstWave) expect(call.start).toBeLessThanOrEqual(firstFinish);
    const [fuser] = of(calls, "fuser");
    const [client] = of(calls, "client");
    expect(fuser.start).toBeGreaterThanOrEqual(Math.max(...firstWave.map((c) => c.end)));
    expect(client.start).toBeGreaterThanOrEqual(fuser.end);
    expect(ms).toBeGreaterThanOrEqual(3 * L - 10);
  });

  it("runs the sequential reference design one call after another, in at least 8 calls' time", async () => {
    const { ms, calls } = await playRound(true);
    expect(calls).toHaveLength(8);
    for (let i = 1; i < calls.length; i++) expect(calls[i].start).toBeGreaterThanOrEqual(calls[i - 1].end);
    expect(ms).toBeGreaterThanOrEqual(7 * L);
  });
});
