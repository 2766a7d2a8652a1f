import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import {
  type EventSink,
  runNextRound,
  runSession,
  type SessionOutcome,
  type SessionRun,
  type Steering,
  type Variant,
} from "@/lib/pipeline";
import { parseSessionSnapshot } from "@/lib/sessions/create";
import type { SessionRunMode } from "@/lib/sessions/schema";
import { PrismaSessionStore } from "@/lib/sessions/store";
import { withSessionRunLock } from "./run-lock";

export interface StoredSessionRun {
  sessionId: string;
  mode: SessionRunMode;
  /** Aborting it stops the run: calls in flight are cancelled and the session ends `stopped`. */
  signal?: AbortSignal;
  /** The pipeline's events, as they happen; a plain callback (the caller brings its own transport). */
  onEvent?: EventSink;
  /** Asked before each further round; true ends the run `paused` after the round in progress. */
  pauseRequested?: () => boolean;
  /** People steering the run; without it no round waits for a person. */
  steering?: Steering;
}

/**
 * Runs a stored session with the engine, holding its run lock: from the start, or resumed after its last
 * committed round (after a pause, a stop, a failure or a crashed run). A finished session is left as it
 * is. Throws AppError("conflict") when another run holds the session.
 */
export async function runStoredSession({
  sessionId,
  mode,
  signal,
  onEvent,
  pauseRequested,
  steering,
}: StoredSessionRun): Promise<SessionOutcome> {
  const session = await getRunnableSessionById({ id: sessionId });
  return withSessionRunLock(sessionId, async (lock) => {
    const store = new PrismaSessionStore(undefined, lock);
    const run: SessionRun = {
      ...session,
      sessionId,
      store,
      signal: signal ? AbortSignal.any([signal, lock.lost]) : lock.lost,
      onEvent,
      pauseRequested,
      ...(steering ? { steering } : {}),
    };
    const outcome = await (mode === "next-round" ? runNextRound(run) : runSession(run));
    await settleStatus(store, sessionId, outcome);
    return outcome;
  });
}

/**
 * The engine leaves an already finished session as it is; when a run died between committing the last
 * round and recording the end, the status still says `running`. Record the end now.
 */
async function settleStatus(store: PrismaSessionStore, sessionId: string, outcome: SessionOutcome) {
  const { status } = await getDb().session.findUniqueOrThrow({
    where: { id: sessionId },
    select: { status: true },
  });
  if (status !== outcome.status)
    await store.setStatus(sessionId, { status: outcome.status, reason: outcome.reason });
}

export async function getRunnableSessionById({ id }: { id: string }) {
  const session = await getDb().session.findUnique({
    where: { id },
    select: { variant: true, source: true, config: true },
  });
  if (!session) throw notFound("Session", id);
  if (session.source === "imported") {
    throw new AppError("unprocessable", `Session ${id} was imported: there is nothing to run`, [
      { field: "sessionId", message: "imported session" },
    ]);
  }
  const variant: Variant = session.variant;
  return { variant, ...parseSessionSnapshot(session.config, `session ${id}`) };
}
