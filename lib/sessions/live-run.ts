import "server-only";
import pg from "pg";
import { databaseUrl, getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { EventSink, SessionOutcome } from "@/lib/pipeline";
import { type ControlAction, createEventPublisher, type EventPublisher, sendControl } from "./event-bus";
import { isSessionRunLocked } from "./run-lock";
import { runStoredSession } from "./runner";
import type { SessionRunMode } from "./schema";

// Every run, wherever it happens (the web app, `npm run generate`, a worker), goes through here: its
// events are published on the bus for anyone watching, and stop/pause requests reach it through the
// bus, so a session can be watched and controlled from any web process.

const globalForRuns = globalThis as unknown as { magnetPublisher?: Promise<EventPublisher> };

function getEventPublisher(): Promise<EventPublisher> {
  globalForRuns.magnetPublisher ??= createEventPublisher(databaseUrl()).catch((error) => {
    globalForRuns.magnetPublisher = undefined;
    throw error;
  });
  return globalForRuns.magnetPublisher;
}

/** Closes this process's publisher after its last events went out (CLIs call this before exiting). */
export async function closeEventPublisher(): Promise<void> {
  const publisher = globalForRuns.magnetPublisher;
  globalForRuns.magnetPublisher = undefined;
  await (await publisher)?.close();
}

export interface LiveRun {
  sessionId: string;
  mode: SessionRunMode;
  signal?: AbortSignal;
  onEvent?: EventSink;
}

/** Runs a stored session with its events on the bus and its stop/pause requests honoured. */
export async function runSessionLive({ sessionId, mode, signal, onEvent }: LiveRun): Promise<SessionOutcome> {
  const publisher = await getEventPublisher();
  const stop = new AbortController();
  let pause = false;
  const unsubscribe = publisher.onControl(sessionId, (action) => {
    if (action === "stop") stop.abort();
    else pause = true;
  });
  try {
    return await runStoredSession({
      sessionId,
      mode,
      signal: signal ? AbortSignal.any([signal, stop.signal]) : stop.signal,
      pauseRequested: () => pause,
      onEvent: (event) => {
        publisher.publish(event);
        onEvent?.(event);
      },
    });
  } finally {
    unsubscribe();
  }
}

/**
 * Starts a run in the background of this (web) process and returns once it holds the session, so
 * the caller can answer at once; a run that cannot start (409 conflict, 404) rejects instead.
 */
export function startSessionRun(sessionId: string, mode: SessionRunMode): Promise<void> {
  return new Promise((resolve, reject) => {
    let started = false;
    const begin = () => {
      if (!started) resolve();
      started = true;
    };
    runSessionLive({ sessionId, mode, onEvent: begin }).then(begin, (error) => {
      if (started) console.error(`Session ${sessionId} run failed:`, error);
      else reject(error);
    });
  });
}

let controlPool: pg.Pool | undefined;

/** Asks the process running the session to stop now or pause after the current round. */
export async function requestSessionControl(sessionId: string, action: ControlAction): Promise<void> {
  if (!(await isSessionRunLocked(sessionId))) {
    const exists = await getDb().session.count({ where: { id: sessionId } });
    if (!exists) throw notFound("Session", sessionId);
    throw new AppError("conflict", `Session ${sessionId} is not running`, [
      { field: "id", message: "not running" },
    ]);
  }
  controlPool ??= new pg.Pool({ connectionString: databaseUrl(), max: 2 });
  await sendControl(controlPool, { sessionId, action });
}
