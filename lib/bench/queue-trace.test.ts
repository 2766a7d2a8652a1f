import { describe, expect, it } from "vitest";
import { handOverGaps, parseWorkerLog, processCpuSeconds } from "./queue-trace";

const log = [
  "Worker 4242 ready: 2 session(s) at once. Ctrl-C stops it.",
  "2026-11-29T22:00:00.000Z session a: started (attempt 1)",
  "2026-11-29T22:00:00.010Z session b: started (attempt 1)",
  "2026-11-29T22:00:05.000Z session a: completed",
  "2026-11-29T22:00:05.020Z session c: started (attempt 1)",
  "2026-11-29T22:00:05.500Z session b: completed",
  "2026-11-29T22:00:05.540Z session d: started (attempt 2)",
  "2026-11-29T22:00:10.000Z session c: stopped",
].join("\n");

describe("the queue bench's trace", () => {
  it("reads each run's start and end from a worker's log, and nothing else", () => {
    const events = parseWorkerLog(3, log);
    expect(events).toHaveLength(7);
    expect(events[0]).toEqual({
      worker: 3,
      at: Date.parse("2026-11-29T22:00:00.000Z"),
      sessionId: "a",
      kind: "start",
    });
    expect(events.filter((e) => e.kind === "end").map((e) => e.sessionId)).toEqual(["a", "b", "c"]);
  });

  it("measures from each run's end to the next start in the same worker, never across workers", () => {
    const other = parseWorkerLog(1, "2026-11-29T22:00:05.001Z session x: started (attempt 1)");
    expect(handOverGaps([...parseWorkerLog(0, log), ...other])).toEqual([20, 40]);
  });

  it("counts this process's CPU seconds from /proc", async () => {
    const before = await processCpuSeconds(process.pid);
    const start = process.cpuUsage();
    while (process.cpuUsage(start).user < 100_000) Math.sqrt(Math.random());
    // Clock ticks are 10 ms: 0.1 s of work shows as at least 0.05 s.
    expect((await processCpuSeconds(process.pid)) - before).toBeGreaterThanOrEqual(0.05);
  });
});
