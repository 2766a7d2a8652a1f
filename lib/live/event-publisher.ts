import "server-only";
import pg from "pg";
import type { EventSink } from "@/lib/pipeline/events";
import {
  type BusMessage,
  CONTROL_CHANNEL,
  type ControlAction,
  type ControlMessage,
  EVENTS_CHANNEL,
  encodeBusMessage,
  parseControl,
} from "./event-bus";
import { coalesce } from "./live-coalesce";

// The sending end of the bus, one per process that runs sessions. It owns a connection of its own:
// NOTIFYs go out one query at a time in the order events are published, and it LISTENs for stop and
// pause requests. When the connection drops, events wait in a bounded queue and the publisher
// reconnects with backoff (and jitter, so many processes do not return together).

/** Events kept while disconnected; beyond this the oldest go, and watchers resync from rows. */
const MAX_QUEUED = 20_000;
/**
 * Events published within this window of the previous NOTIFY query leave together in the next one,
 * each call's deltas in it merged: a worker running many sessions sends a few queries per window
 * instead of one per token (each a round trip costing both processes CPU). An event after a quiet
 * spell leaves at once, so a lone stream is not delayed; under load an event waits at most this long.
 */
const PUBLISH_WINDOW_MS = Number(process.env.PUBLISH_WINDOW_MS ?? 10);
const BACKOFF_MS = [100, 250, 500, 1_000, 2_000, 5_000];

export interface EventPublisher {
  publish: EventSink;
  /** Tells the web process that asked for `action` that the run got the request (and, for steering, how it went). */
  acknowledge(
    sessionId: string,
    action: ControlAction,
    reply?: { requestId: string; refused?: string },
  ): void;
  /** Calls `handler` when someone asks to stop, pause or steer `sessionId`; returns an unsubscribe function. */
  onControl(sessionId: string, handler: ControlHandler): () => void;
  readonly connected: boolean;
  /** Waits for every published event to reach the server, then disconnects. */
  close(): Promise<void>;
}

export type ControlHandler = (action: ControlAction, message: ControlMessage) => void;

/** Connects (the first connection must succeed) and keeps itself connected until closed. */
export async function createEventPublisher(databaseUrl: string): Promise<EventPublisher> {
  const publisher = new ReconnectingPublisher(databaseUrl);
  await publisher.connect();
  return publisher;
}

class ReconnectingPublisher implements EventPublisher {
  private client: pg.Client | null = null;
  private queue: BusMessage[] = [];
  private flushing: Promise<void> | null = null;
  /** When the last NOTIFY query was sent (performance.now()). */
  private lastSent = Number.NEGATIVE_INFINITY;
  private windowTimer: NodeJS.Timeout | undefined;
  private readonly handlers = new Map<string, Set<ControlHandler>>();
  private failures = 0;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly databaseUrl: string) {}

  get connected(): boolean {
    return this.client !== null;
  }

  publish = (event: BusMessage) => this.send(event);

  acknowledge(
    sessionId: string,
    action: ControlAction,
    reply?: { requestId: string; refused?: string },
  ): void {
    this.send({ type: "control-ack", sessionId, action, ...reply });
  }

  onControl(sessionId: string, handler: ControlHandler): () => void {
    const set = this.handlers.get(sessionId) ?? new Set();
    set.add(handler);
    this.handlers.set(sessionId, set);
    return () => {
      set.delete(handler);
      if (set.size === 0) this.handlers.delete(sessionId);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.windowTimer);
    await this.flushing;
    // What waited for the window goes now.
    while (this.queue.length && this.client) await this.sendBatch();
    clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: "magnet-publisher",
    });
    client.on("notification", (message) => {
      if (message.channel !== CONTROL_CHANNEL || !message.payload) return;
      const control = parseControl(message.payload);
      if (control)
        for (const handler of this.handlers.get(control.sessionId) ?? []) handler(control.action, control);
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CONTROL_CHANNEL}`);
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    this.client = client;
    this.failures = 0;
    this.startFlush();
  }

  private send(message: BusMessage): void {
    this.queue.push(message);
    if (this.queue.length > MAX_QUEUED) this.queue.splice(0, this.queue.length - MAX_QUEUED);
    this.startFlush();
  }

  /** Sends the queue once no query is in flight and the window since the last one has passed. */
  private startFlush(): void {
    if (!this.client || !this.queue.length || this.flushing || this.windowTimer || this.closed) return;
    const wait = this.lastSent + PUBLISH_WINDOW_MS - performance.now();
    if (wait > 0) {
      this.windowTimer = setTimeout(() => {
        this.windowTimer = undefined;
        this.startFlush();
      }, wait);
      return;
    }
    this.flushing = this.sendBatch().finally(() => {
      this.flushing = null;
      this.startFlush();
    });
  }

  // One query for everything queued, in order; the deltas of a call that follow each other merge.
  private async sendBatch(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const batch = this.queue;
    this.queue = [];
    this.lastSent = performance.now();
    try {
      await client.query("SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload", [
        EVENTS_CHANNEL,
        coalesce(batch).flatMap(encodeBusMessage),
      ]);
    } catch {
      // The batch did not go out: it goes first once the connection is back.
      this.queue = [...batch, ...this.queue];
      this.lost(client);
    }
  }

  private lost(client: pg.Client): void {
    if (this.client === client) {
      this.client = null;
      client.end().catch(() => {});
    } else if (this.client !== null) return; // a late event of a connection already replaced
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.timer) return;
    // Silent on the first loss (a stopping studio exits before the retry); said once when retries fail.
    if (this.failures === 1) console.error("Event publisher cannot reconnect yet; retrying with backoff");
    const base = BACKOFF_MS[Math.min(this.failures++, BACKOFF_MS.length - 1)] ?? 5_000;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        if (!this.closed) this.connect().catch(() => this.scheduleReconnect());
      },
      base * (0.5 + Math.random()),
    );
    this.timer.unref();
  }
}
