import { spawn } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { closeEventHub } from "@/lib/live/event-hub";
import { createSession } from "@/lib/sessions/create";
import { PrismaSessionStore } from "@/lib/sessions/store";
import { sampleProfileId, simulateOffline } from "@/lib/testing/sessions";
import { closeEventPublisher, requestSessionControl, startSessionRun } from "./live-run";
import { acquireSessionRunLock, isSessionRunLocked } from "./run-lock";
import { activeRuns, stopAllRuns } from "./run-registry";

let profileId = "";
beforeAll(async () => {
  profileId = await sampleProfileId();
});
// Slow enough that a run is still going when the test acts on it.
beforeEach(() => simulateOffline({ latencyMs: 100 }));
afterAll(async () => {
  await stopAllRuns("the tests ended");
  await closeEventPublisher();
  await closeEventHub();
});

const newSession = async () => (await createSession({ profileId, variant: "magnet" })).id;
const statusOf = async (id: string) => (await getDb().session.findUniqueOrThrow({ where: { id } })).status;

describe("runs of the web process", () => {
  it("caps concurrent runs: beyond STUDIO_MAX_RUNS a start answers 429 with a message", async () => {
    process.env.STUDIO_MAX_RUNS = "2";
    try {
      const [a, b, c] = await Promise.all([newSession(), newSession(), newSession()]);
      await startSessionRun(a, "to-end");
      await startSessionRun(b, "to-end");
      const third = await startSessionRun(c, "to-end").catch((error: unknown) => error);
      expect(third).toMatchObject({ code: "too_many_requests", status: 429 });
      expect(String(third)).toMatch(/STUDIO_MAX_RUNS/);
      expect(activeRuns()).toBe(2);
      await stopAllRuns("test");
      expect(activeRuns()).toBe(0);
      expect([await statusOf(a), await statusOf(b), await statusOf(c)]).toEqual([
        "stopped",
        "stopped",
        "draft",
      ]);
    } finally {
      delete process.env.STUDIO_MAX_RUNS;
    }
  });

  it("stops a running session on request once its run confirms", async () => {
    const id = await newSession();
    await startSessionRun(id, "to-end");
    await requestSessionControl(id, "stop");
    await expect.poll(() => statusOf(id), { timeout: 10_000 }).toBe("stopped");
  });

  it("answers 503 when the process holding the run does not confirm a stop", async () => {
    const id = await newSession();
    const lock = await acquireSessionRunLock(id); // a run whose process no longer listens
    try {
      const error = await requestSessionControl(id, "stop").catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "unavailable", status: 503 });
      expect(String(error)).toMatch(/did not confirm/);
    } finally {
      await lock.release();
    }
  });

  it("settles a dead run (running, lock free): stop records it stopped, pause says it can be resumed", async () => {
    const [a, b] = await Promise.all([newSession(), newSession()]);
    await getDb().session.updateMany({ where: { id: { in: [a, b] } }, data: { status: "running" } });
    await requestSessionControl(a, "stop");
    expect(await statusOf(a)).toBe("stopped");
    const paused = await requestSessionControl(b, "pause").catch((e: unknown) => e);
    expect(paused).toMatchObject({ code: "conflict" });
    expect(String(paused)).toMatch(/resumed/);
    expect(await statusOf(b)).toBe("stopped");
  });

  it("refuses the status write of a run that lost its lock: the successor's status stands", async () => {
    const id = await newSession();
    const first = await acquireSessionRunLock(id);
    const stale = new PrismaSessionStore(undefined, first);
    await stale.setStatus(id, { status: "running" });
    await first.release();
    const second = await acquireSessionRunLock(id);
    await new PrismaSessionStore(undefined, second).setStatus(id, { status: "paused" });
    await expect(stale.setStatus(id, { status: "failed", error: "late" })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await statusOf(id)).toBe("paused");
    await second.release();
  });

  it("ends its runs `stopped` (resumable) when the process gets SIGTERM", async () => {
    const id = await newSession();
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "lib/testing/run-session-child.ts", id, "--web"],
      { env: { ...process.env, SIMULATOR_LATENCY_MS: "150" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    await expect.poll(() => output, { timeout: 20_000 }).toMatch(/started/);
    await expect.poll(() => statusOf(id)).toBe("running");
    child.kill("SIGTERM");
    expect(await exited).toBe(143);
    expect(await statusOf(id)).toBe("stopped");
    expect(await isSessionRunLocked(id)).toBe(false);
  });
});
