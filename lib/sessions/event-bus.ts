import "server-only";
import pg from "pg";
import type { EventSink, PipelineEvent } from "@/lib/pipeline/events";

// Pipeline events travel between processes through PostgreSQL itself (LISTEN/NOTIFY): whoever runs
// a session (the web app, `npm run generate`, a worker on another machine) publishes; every web
// process listens and fans events out to the browsers watching that session. Stored rows stay the
// source of truth: a watcher that connects late or loses events starts again from a snapshot.

export const EVENTS_CHANNEL = "magnet_session_events";
export const CONTROL_CHANNEL = "magnet_session_control";

/** NOTIFY payloads must stay under 8000 bytes; a bigger event is replaced by a resync notice. */
const MAX_PAYLOAD_BYTES = 7_900;

export type ResyncNotice = { type: "resync"; sessionId: string };
export type BusMessage = PipelineEvent | ResyncNotice;

export type ControlAction = "stop" | "pause";
export interface ControlMessage {
  sessionId: string;
  action: ControlAction;
}

export function encodeBusMessage(event: PipelineEvent): string {
  const payload = JSON.stringify(event);
  if (Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES) return payload;
  return JSON.stringify({ type: "resync", sessionId: event.sessionId } satisfies ResyncNotice);
}

export interface EventPublisher {
  publish: EventSink;
  /** Calls `handler` when someone asks to stop or pause `sessionId`; returns an unsubscribe function. */
  onControl(sessionId: string, handler: (action: ControlAction) => void): () => void;
  /** Waits for every published event to reach the server, then disconnects. */
  close(): Promise<void>;
}

/**
 * A publisher with its own connection: NOTIFYs go out one after another in the order events are
 * published, and it listens for stop/pause requests addressed to its sessions.
 */
export async function createEventPublisher(databaseUrl: string): Promise<EventPublisher> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  client.on("error", (error) => console.error(`Event publisher connection failed: ${error.message}`));
  const handlers = new Map<string, Set<(action: ControlAction) => void>>();
  client.on("notification", (message) => {
    if (message.channel !== CONTROL_CHANNEL || !message.payload) return;
    const control = parseControl(message.payload);
    if (control) for (const handler of handlers.get(control.sessionId) ?? []) handler(control.action);
  });
  await client.query(`LISTEN ${CONTROL_CHANNEL}`);

  // One query at a time on the connection: an event goes out at once when the connection is idle,
  // and events that arrive while a NOTIFY is in flight go out together in the next one, in order.
  let queue: string[] = [];
  let flushing: Promise<void> | null = null;
  const flush = async () => {
    while (queue.length) {
      const batch = queue;
      queue = [];
      await client
        .query("SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload", [EVENTS_CHANNEL, batch])
        .catch((error: Error) =>
          console.error(`Could not publish ${batch.length} event(s): ${error.message}`),
        );
    }
    flushing = null;
  };
  return {
    publish(event) {
      queue.push(encodeBusMessage(event));
      flushing ??= flush();
    },
    onControl(sessionId, handler) {
      const set = handlers.get(sessionId) ?? new Set();
      set.add(handler);
      handlers.set(sessionId, set);
      return () => {
        set.delete(handler);
        if (set.size === 0) handlers.delete(sessionId);
      };
    },
    async close() {
      await flushing;
      await client.end();
    },
  };
}

/** Asks whichever process runs `sessionId` to stop or pause it. */
export async function sendControl(pool: pg.Pool, message: ControlMessage): Promise<void> {
  await pool.query("SELECT pg_notify($1, $2)", [CONTROL_CHANNEL, JSON.stringify(message)]);
}

function parseControl(payload: string): ControlMessage | null {
  try {
    const value = JSON.parse(payload) as Partial<ControlMessage>;
    if (typeof value.sessionId !== "string") return null;
    if (value.action !== "stop" && value.action !== "pause") return null;
    return { sessionId: value.sessionId, action: value.action };
  } catch {
    return null;
  }
}
