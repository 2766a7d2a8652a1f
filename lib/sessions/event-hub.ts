import "server-only";
import pg from "pg";
import type { PipelineEvent } from "@/lib/pipeline/events";
import { type BusMessage, EVENTS_CHANNEL } from "./event-bus";

// The listening end of the event bus in a web process: one LISTEN connection, fanned out to the
// watchers of each session. It also remembers the text streamed so far by calls still running, so
// a page opened mid-round shows partial text at once: stored rows only hold finished calls.

export type Watcher = (message: BusMessage) => void;

interface RunningCall {
  started: Extract<PipelineEvent, { type: "call-started" }>;
  text: string;
}

export class EventHub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly watchers = new Map<string, Set<Watcher>>();
  private readonly running = new Map<string, Map<string, RunningCall>>();
  private closed = false;

  constructor(private readonly databaseUrl: string) {}

  /** Resolves once the hub is listening. Safe to call often. */
  ready(): Promise<void> {
    this.connecting ??= this.connect().catch((error) => {
      this.connecting = null;
      throw error;
    });
    return this.connecting;
  }

  /**
   * Starts delivering `sessionId`'s messages to `watcher` and returns, taken at the same moment, the
   * events that rebuild its running calls (call-started + the text so far as one delta).
   */
  watch(sessionId: string, watcher: Watcher): { partial: PipelineEvent[]; unwatch: () => void } {
    const set = this.watchers.get(sessionId) ?? new Set();
    set.add(watcher);
    this.watchers.set(sessionId, set);
    const unwatch = () => {
      set.delete(watcher);
      if (set.size === 0) this.watchers.delete(sessionId);
    };
    return { partial: this.partialEvents(sessionId), unwatch };
  }

  deliver(message: BusMessage): void {
    this.remember(message);
    for (const watcher of this.watchers.get(message.sessionId) ?? []) {
      try {
        watcher(message);
      } catch (error) {
        console.error("A session watcher failed:", error);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => {});
  }

  private partialEvents(sessionId: string): PipelineEvent[] {
    const events: PipelineEvent[] = [];
    for (const { started, text } of this.running.get(sessionId)?.values() ?? []) {
      events.push(started);
      if (!text) continue;
      const { sessionId: id, seq, timestamp, callId } = started;
      events.push({ type: "call-delta", sessionId: id, seq, timestamp, callId, delta: text });
    }
    return events;
  }

  private remember(message: BusMessage): void {
    const calls = this.running.get(message.sessionId) ?? new Map<string, RunningCall>();
    switch (message.type) {
      case "call-started":
        calls.set(message.callId, { started: message, text: "" });
        this.running.set(message.sessionId, calls);
        return;
      case "call-delta": {
        const call = calls.get(message.callId);
        if (call) call.text += message.delta;
        return;
      }
      case "call-finished":
      case "call-failed":
        calls.delete(message.callId);
        return;
      // A new run (after a crash, the old one never said it ended) or the end: nothing is running.
      case "session-started":
      case "session-ended":
      case "resync":
        this.running.delete(message.sessionId);
        return;
    }
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on("notification", (notification) => {
      if (notification.channel !== EVENTS_CHANNEL || !notification.payload) return;
      let message: BusMessage;
      try {
        message = JSON.parse(notification.payload) as BusMessage;
      } catch {
        console.error("Ignored a session event that is not JSON");
        return;
      }
      this.deliver(message);
    });
    client.on("error", (error) => {
      // Ctrl-C reaches the database and this process together: the connection ending then is
      // expected. The signal can be handled just after the error, hence the short wait.
      setTimeout(() => {
        if (shuttingDown) return;
        console.error(`Session event listener lost its connection: ${error.message}`);
        this.reconnect();
      }, 200).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.client = client;
  }

  /** After a lost connection, watchers resynchronise from stored rows and listening starts again. */
  private reconnect(): void {
    if (this.closed) return;
    this.client = null;
    for (const sessionId of this.watchers.keys()) this.deliver({ type: "resync", sessionId });
    this.running.clear();
    this.connecting = null;
    setTimeout(() => {
      this.ready().catch(() => this.reconnect());
    }, 1_000);
  }
}

/** Set when this process is told to stop (Ctrl-C or SIGTERM), as an orderly shutdown. */
let shuttingDown = false;

function noticeShutdown(signal: NodeJS.Signals): void {
  shuttingDown = true;
  // Listening must not change what the signal does: with no other listener, exit as Node would.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

const globalForHub = globalThis as unknown as { magnetEventHub?: EventHub };

/** The web process's hub, listening from first use. */
export async function getEventHub(databaseUrl = process.env.DATABASE_URL ?? ""): Promise<EventHub> {
  if (!globalForHub.magnetEventHub) {
    process.once("SIGINT", noticeShutdown);
    process.once("SIGTERM", noticeShutdown);
    globalForHub.magnetEventHub = new EventHub(databaseUrl);
  }
  await globalForHub.magnetEventHub.ready();
  return globalForHub.magnetEventHub;
}
