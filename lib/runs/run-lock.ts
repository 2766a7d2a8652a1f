import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { databaseUrl, getDb, openConnections } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// One run per session at a time, across processes: a PostgreSQL session-level advisory lock held on a
// connection of its own for as long as the run lasts. PostgreSQL releases it when that connection
// closes, so a run whose process dies never leaves a session locked. The connections come from a pool
// of their own, so starting a run does not start a database backend: a lock is handed back unlocked,
// and a connection whose unlock is in doubt is closed instead of reused.

export interface SessionRunLock {
  readonly sessionId: string;
  /** Aborts when the lock's connection is lost: the lock is gone, so the run must stop. */
  readonly lost: AbortSignal;
  /** The PostgreSQL backend that holds the lock: status writes check that it still does. */
  readonly backendPid: number;
  /** False once released or lost (its pooled connection may hold another run's lock by then). */
  readonly held: boolean;
  release(): Promise<void>;
}

/** The lock's 64-bit key: a hash of the session id in a namespace of its own. */
export function sessionRunLockKey(sessionId: string): bigint {
  return createHash("sha256").update(`magnet-studio:session-run:${sessionId}`).digest().readBigInt64BE(0);
}

const globalForLocks = globalThis as unknown as { magnetRunLocks?: { url: string; pool: pg.Pool } };

/** Connections that hold run locks: one per run in progress, kept a while between runs. */
function lockPool(): pg.Pool {
  const url = databaseUrl();
  if (globalForLocks.magnetRunLocks?.url !== url) {
    const pool = new pg.Pool({
      connectionString: url,
      application_name: "magnet-run-lock",
      // Runs in flight in this process, each holding one; more wait for a free connection.
      max: 100,
      idleTimeoutMillis: 30_000,
      allowExitOnIdle: true,
    });
    pool.on("error", () => {}); // an idle connection the server closed: the pool replaces it
    void globalForLocks.magnetRunLocks?.pool.end().catch(() => {});
    globalForLocks.magnetRunLocks = { url, pool };
  }
  return globalForLocks.magnetRunLocks.pool;
}

/** Opens `count` lock connections ahead of use: a worker about to run that many sessions at once. */
export async function warmRunLocks(count: number): Promise<void> {
  await openConnections(lockPool(), count);
}

/** Takes the session's run lock, or throws AppError("conflict") when another run holds it. */
export async function acquireSessionRunLock(sessionId: string): Promise<SessionRunLock> {
  const client = await lockPool().connect();
  const key = sessionRunLockKey(sessionId).toString();
  const lost = new AbortController();
  let released = false;
  const onLost = (error?: Error) => {
    if (!released) lost.abort(lockLost(sessionId, error));
  };
  const onEnd = () => onLost();
  client.on("error", onLost);
  client.on("end", onEnd);
  const handBack = (broken?: Error) => {
    released = true;
    client.off("error", onLost);
    client.off("end", onEnd);
    client.release(broken);
  };
  let backendPid = 0;
  try {
    const { rows } = await client.query<{ locked: boolean; pid: number }>(
      "SELECT pg_try_advisory_lock($1) AS locked, pg_backend_pid() AS pid",
      [key],
    );
    if (!rows[0]?.locked) throw alreadyRunning(sessionId);
    backendPid = rows[0].pid;
  } catch (error) {
    // Not locked (or in doubt, after an error): close the connection rather than reuse it.
    handBack(error instanceof AppError ? undefined : asError(error));
    throw error;
  }
  return {
    sessionId,
    lost: lost.signal,
    backendPid,
    get held() {
      return !released && !lost.signal.aborted;
    },
    release: async () => {
      if (released) return;
      if (lost.signal.aborted) return handBack(new Error("run lock connection lost"));
      try {
        const { rows } = await client.query<{ unlocked: boolean }>(
          "SELECT pg_advisory_unlock($1) AS unlocked",
          [key],
        );
        handBack(rows[0]?.unlocked ? undefined : new Error("run lock was not held"));
      } catch (error) {
        handBack(asError(error));
      }
    },
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
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
