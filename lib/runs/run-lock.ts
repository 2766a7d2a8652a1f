import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { databaseUrl, getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// One run per session at a time, across processes: a PostgreSQL session-level advisory lock held on a
// connection of its own for as long as the run lasts. Closing the connection releases it, and so does
// PostgreSQL when the process dies (its backend sees the socket close), so a crashed run never leaves
// a session locked.

export interface SessionRunLock {
  readonly sessionId: string;
  /** Aborts when the lock's connection is lost: the lock is gone, so the run must stop. */
  readonly lost: AbortSignal;
  /** The PostgreSQL backend that holds the lock: status writes check that it still does. */
  readonly backendPid: number;
  release(): Promise<void>;
}

/** The lock's 64-bit key: a hash of the session id in a namespace of its own. */
export function sessionRunLockKey(sessionId: string): bigint {
  return createHash("sha256").update(`magnet-studio:session-run:${sessionId}`).digest().readBigInt64BE(0);
}

/** Takes the session's run lock, or throws AppError("conflict") when another run holds it. */
export async function acquireSessionRunLock(sessionId: string): Promise<SessionRunLock> {
  const client = new pg.Client({
    connectionString: databaseUrl(),
    application_name: `magnet-run ${sessionId}`.slice(0, 63),
  });
  const lost = new AbortController();
  let released = false;
  const onLost = (error?: Error) => {
    if (!released) lost.abort(lockLost(sessionId, error));
  };
  client.on("error", onLost);
  client.on("end", () => onLost());
  let backendPid = 0;
  try {
    await client.connect();
    const { rows } = await client.query<{ locked: boolean; pid: number }>(
      "SELECT pg_try_advisory_lock($1) AS locked, pg_backend_pid() AS pid",
      [sessionRunLockKey(sessionId).toString()],
    );
    if (!rows[0]?.locked) throw alreadyRunning(sessionId);
    backendPid = rows[0].pid;
  } catch (error) {
    released = true;
    await client.end().catch(() => {});
    throw error;
  }
  return {
    sessionId,
    lost: lost.signal,
    backendPid,
    release: async () => {
      if (released) return;
      released = true;
      await client.end();
    },
  };
}

/** Runs `work` while holding the session's run lock; released however `work` ends. */
export async function withSessionRunLock<T>(
  sessionId: string,
  work: (lock: SessionRunLock) => Promise<T>,
): Promise<T> {
  const lock = await acquireSessionRunLock(sessionId);
  try {
    return await work(lock);
  } finally {
    await lock.release();
  }
}

/**
 * Whether a run holds the session's lock right now (any process). A session whose status says
 * `running` while this is false is a dead run: it can be resumed.
 */
export async function isSessionRunLocked(sessionId: string): Promise<boolean> {
  return (await lockedSessionIds([sessionId])).has(sessionId);
}

/** Which of these sessions a run holds the lock of right now (any process), in one query. */
export async function lockedSessionIds(sessionIds: readonly string[]): Promise<Set<string>> {
  if (!sessionIds.length) return new Set();
  const byKey = new Map(sessionIds.map((id) => [keyText(lockKeyHalves(id)), id]));
  // pg_locks lists every lock of the server whatever the filter, so reading all advisory ones costs
  // no more than asking for one.
  const rows = await getDb().$queryRaw<{ high: string; low: string }[]>`
    SELECT classid::text AS high, objid::text AS low FROM pg_locks
    WHERE locktype = 'advisory' AND objsubid = 1 AND granted
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
  const locked = new Set<string>();
  for (const row of rows) {
    const id = byKey.get(keyText(row));
    if (id !== undefined) locked.add(id);
  }
  return locked;
}

function keyText({ high, low }: { high: string; low: string }): string {
  return `${high}:${low}`;
}

/** pg_locks shows a bigint key as two oids: the high half in classid, the low half in objid. */
export function lockKeyHalves(sessionId: string): { high: string; low: string } {
  const key = BigInt.asUintN(64, sessionRunLockKey(sessionId));
  return { high: String(key >> 32n), low: String(key & 0xffffffffn) };
}

function alreadyRunning(sessionId: string): AppError {
  return new AppError(
    "conflict",
    `Session ${sessionId} is already running (another run holds it); wait for it to finish or stop it`,
    [{ field: "sessionId", message: "already running" }],
  );
}

function lockLost(sessionId: string, error?: Error): AppError {
  const why = error ? `: ${error.message}` : "";
  return new AppError(
    "conflict",
    `Session ${sessionId} lost its run lock (database connection closed${why})`,
  );
}
