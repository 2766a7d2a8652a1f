import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { acquireSessionRunLock, isSessionRunLocked, warmRunLocks } from "./run-lock";

// The run lock is an advisory lock on a pooled connection; sessions need not exist to be locked.

describe("session run locks", () => {
  it("hands a released lock's connection to the next run, unlocked", async () => {
    const first = await acquireSessionRunLock("lock-a");
    expect(first.held).toBe(true);
    expect(await isSessionRunLocked("lock-a")).toBe(true);
    await first.release();
    expect(first.held).toBe(false);
    expect(await isSessionRunLocked("lock-a")).toBe(false);

    const next = await acquireSessionRunLock("lock-b");
    expect(next.backendPid).toBe(first.backendPid); // no new database backend per run
    expect(await isSessionRunLocked("lock-a")).toBe(false);
    await next.release();
  });

  it("refuses a second run of a session until the first lets go", async () => {
    const first = await acquireSessionRunLock("lock-c");
    await expect(acquireSessionRunLock("lock-c")).rejects.toMatchObject({ code: "conflict" });
    await first.release();
    const second = await acquireSessionRunLock("lock-c");
    expect(await isSessionRunLocked("lock-c")).toBe(true);
    await second.release();
  });

  it("tells the run when its connection dies, and the session is free again", async () => {
    const lock = await acquireSessionRunLock("lock-d");
    const lost = once(lock.lost, "abort");
    await getDb().$executeRaw`SELECT pg_terminate_backend(${lock.backendPid}::int)`;
    await lost;
    expect(lock.held).toBe(false);
    expect(String(lock.lost.reason)).toMatch(/lost its run lock/);
    expect(await isSessionRunLocked("lock-d")).toBe(false);
    await lock.release();

    const again = await acquireSessionRunLock("lock-d");
    expect(again.backendPid).not.toBe(lock.backendPid);
    await again.release();
  });

  it("opens a worker's lock connections ahead of its first runs, which then open none", async () => {
    const lockConnections = async () => {
      const [row] = await getDb().$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'magnet-run-lock'`;
      return row.n;
    };
    await warmRunLocks(3);
    const warmed = await lockConnections();
    expect(warmed).toBeGreaterThanOrEqual(3);
    const locks = await Promise.all(["w1", "w2", "w3"].map((id) => acquireSessionRunLock(`lock-${id}`)));
    expect(await lockConnections()).toBe(warmed);
    await Promise.all(locks.map((lock) => lock.release()));
  });
});
