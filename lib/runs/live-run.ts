import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { databaseUrl, getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { type ControlAck, type ControlAction, type ControlMessage, sendControl } from "@/lib/live/event-bus";
import { closeEventHub, getEventHub } from "@/lib/live/event-hub";
import { createEventPublisher, type EventPublisher } from "@/lib/live/event-publisher";
import type { EventSink, SessionOutcome, Steerer, SteeringCommand } from "@/lib/pipeline";
import type { SessionRunMode } from "@/lib/sessions/schema";
import { getSessionSteeringById } from "@/lib/sessions/steering";
import { isSessionRunLocked } from "./run-lock";
import { onShutdown, stoppingAllRuns, trackRun } from "./run-registry";
import { DEAD_RUN_REASON, settleDeadRun } from "./run-status";
import { runStoredSession } from "./runner";
import { SteeringDesk } from "./steering-desk";

// Every run, wherever it happens (the web app, `npm run generate`, a worker), goes through here: its
// events are published on the bus for anyone watching, and stop/pause requests reach it through the
// bus, so a session can be watched and controlled from any web process.

/** How long a stop or pause request waits for the run to confirm it before the route reports 503. */
const CONTROL_ACK_MS = 3_000;

const globalForRuns = globalThis as unknown as { magnetPublisher?: Promise<EventPublisher> };

/** This process's sending end of the bus, connected on first use. */
export function getEventPublisher(): Promise<EventPublisher> {
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
  await (await publisher?.catch(() => undefined))?.close();
}

// On SIGTERM/SIGINT, once the runs have recorded `stopped`: their last events go out, then the
// watchers' streams end (so the HTTP server can close).
onShutdown(async () => {
  await closeEventPublisher();
  await closeEventHub();
});

/** Whether this process's publisher is connected (undefined: it has none), for /api/health. */
export async function publisherConnected(): Promise<boolean | undefined> {
  const publisher = await globalForRuns.magnetPublisher?.catch(() => undefined);
  return publisher?.connected;
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
  const run = trackRun(sessionId, { web: signal === undefined });
  let pause = false;
  const desk = new SteeringDesk(() => getSessionSteeringById({ id: sessionId }));
  const unsubscribe = publisher.onControl(sessionId, (action, message) => {
    if (message.action === "steer") {
      const refused = desk.receive(message.command, message.by) ?? undefined;
      publisher.acknowledge(sessionId, action, { requestId: message.requestId, refused });
      return;
    }
    publisher.acknowledge(sessionId, action);
    if (action === "stop") run.stop.abort();
    else pause = true;
  });
  try {
    return await run.settle(
      runStoredSession({
        sessionId,
        mode,
        signal: signal ? AbortSignal.any([signal, run.stop.signal]) : run.stop.signal,
        pauseRequested: () => pause,
        steering: desk,
        onEvent: (event) => {
          publisher.publish(event);
          onEvent?.(event);
        },
      }),
    );
  } finally {
    unsubscribe();
  }
}

/**
 * Starts a run in the background of this (web) process and returns once it holds the session, so
 * the caller can answer at once; a run that cannot start (409 conflict, 404, 429 at the cap) rejects.
 */
export function startSessionRun(sessionId: string, mode: SessionRunMode): Promise<void> {
  return new Promise((resolve, reject) => {
    let started = false;
    const begin = () => {
      if (!started) resolve();
      started = true;
    };
    runSessionLive({ sessionId, mode, onEvent: begin }).then(begin, (error) => {
      if (started && !stoppingAllRuns()) console.error(`Session ${sessionId} run failed:`, error);
      else reject(error);
    });
  });
}

let controlPool: pg.Pool | undefined;

function newControlPool(): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 2, connectionTimeoutMillis: 2_000 });
  pool.on("error", () => {}); // an idle connection the server closed: the pool replaces it
  return pool;
}

/**
 * Asks the process running the session to stop now or pause after the current round, and waits for
 * it to confirm. A dead run (status `running`, lock free) is recorded stopped instead: 409 with a
 * message saying it can be resumed. No confirmation in time: 503, the request may not have arrived.
 */
export async function requestSessionControl(sessionId: string, action: "stop" | "pause"): Promise<void> {
  await deliverControl({ sessionId, action }, async (settled) => {
    if (settled && action === "stop") return true;
    const why = settled ? "its run had died; it is now stopped and can be resumed" : "nothing runs it";
    throw new AppError("conflict", `Session ${sessionId} is not running: ${why}`, [
      { field: "id", message: "not running" },
    ]);
  });
}

/**
 * Hands a person's steering command to the process running the session, wherever it is, and waits
 * for its answer: the run applies it to the pause it names, or refuses it (409 with the run's
 * reason: another person steered that point first, or the round is not waiting there).
 */
export async function requestSessionSteering(
  sessionId: string,
  command: SteeringCommand,
  by: Steerer,
): Promise<void> {
  const requestId = randomUUID();
  const ack = await deliverControl({ sessionId, action: "steer", requestId, command, by }, async () => {
    throw new AppError("conflict", `Session ${sessionId} is not running: there is nothing to steer`, [
      { field: "id", message: "not running" },
    ]);
  });
  if (ack?.refused) {
    throw new AppError("conflict", ack.refused, [
      { field: "roundIndex", message: "already steered or not waiting" },
    ]);
  }
}

/**
 * Sends a control message to the run of its session and waits for the run's ack. When nothing runs
 * the session (a dead run is settled first), `notRunning` decides: true returns without sending.
 */
async function deliverControl(
  message: ControlMessage,
  notRunning: (settled: boolean) => Promise<boolean>,
): Promise<ControlAck | null> {
  const { sessionId, action } = message;
  if (!(await isSessionRunLocked(sessionId))) {
    const exists = await getDb().session.count({ where: { id: sessionId } });
    if (!exists) throw notFound("Session", sessionId);
    if (await notRunning(await settleDeadRunLive(sessionId))) return null;
  }
  const hub = await getEventHub().catch((error: Error) => {
    throw unavailable(sessionId, action, `the event listener is down (${error.message})`);
  });
  const requestId = message.action === "steer" ? message.requestId : undefined;
  const ack = hub.awaitAck(sessionId, action, CONTROL_ACK_MS, requestId);
  try {
    controlPool ??= newControlPool();
    await sendControl(controlPool, message);
  } catch (error) {
    ack.cancel();
    throw unavailable(sessionId, action, error instanceof Error ? error.message : String(error));
  }
  const acked = await ack.acked;
  if (!acked) {
    throw unavailable(sessionId, action, `its run did not confirm within ${CONTROL_ACK_MS / 1000} s`);
  }
  return acked;
}

/** settleDeadRun, and watchers everywhere hear that the session is stopped (so they offer Resume). */
export async function settleDeadRunLive(sessionId: string): Promise<boolean> {
  if (!(await settleDeadRun(sessionId))) return false;
  const publisher = await getEventPublisher().catch(() => undefined);
  publisher?.publish({
    type: "session-ended",
    status: "stopped",
    reason: DEAD_RUN_REASON,
    sessionId,
    seq: 0,
    timestamp: Date.now(),
  });
  return true;
}

function unavailable(sessionId: string, action: ControlAction, why: string): AppError {
  return new AppError("unavailable", `Could not ${action} session ${sessionId}: ${why}. Try again.`, [
    { field: "id", message: "control request not delivered" },
  ]);
}
