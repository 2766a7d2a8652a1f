import "server-only";
import { getDb } from "@/lib/db/client";
import { sessionRunLockKey } from "./run-lock";

// A session whose status says `running` while no run holds its lock is a dead run: its process was
// killed (or lost its database connection) before it could record how the run ended. It is recorded
// `stopped`, which every page and route already treats as resumable.

export const DEAD_RUN_REASON =
  "The run ended without stopping cleanly (its process exited or lost the database); resume it to continue";

/**
 * Records a dead run of `sessionId` as stopped; returns whether it did. Atomic against a run starting
 * at the same moment: the update happens while this transaction holds the run lock's key itself.
 */
export async function settleDeadRun(sessionId: string): Promise<boolean> {
  const key = sessionRunLockKey(sessionId).toString();
  return getDb().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ free: boolean }[]>`
      SELECT pg_try_advisory_xact_lock(${key}::bigint) AS free`;
    if (rows[0]?.free !== true) return false;
    const count = await tx.$executeRaw`
      UPDATE "Session" SET "status" = 'stopped', "error" = ${DEAD_RUN_REASON}, "awaiting" = NULL,
        "finishedAt" = now(), "updatedAt" = now()
      WHERE "id" = ${sessionId} AND "status" = 'running'`;
    return count > 0;
  });
}

/** Settles every dead run (at start-up of a process that runs sessions, and by the drills). */
export async function settleDeadRuns(): Promise<number> {
  const running = await getDb().session.findMany({ where: { status: "running" }, select: { id: true } });
  let settled = 0;
  for (const { id } of running) if (await settleDeadRun(id)) settled++;
  return settled;
}
