import "server-only";
import pg from "pg";
import type { PipelineEvent } from "@/lib/pipeline/events";
import {
  BusDecoder,
  type BusMessage,
  type ControlAck,
  type ControlAction,
  EVENTS_CHANNEL,
} from "./event-bus";

// The listening end of the event bus in a web process: one LISTEN connection, fanned out to the
// watchers of each session. It also remembers the text streamed so far by calls still running, so
// a page opened mid-round shows partial text at once: stored rows only hold finished calls.

export type Watcher = (message: BusMessage) => void;
export type ListenerState = "idle" | "connecting" | "listening" | "reconnecting" | "closed";

export interface HubStats {
  listener: ListenerState;
  watchers: number;
  watchedSessions: number;
  runningCalls: number;
}

interface RunningCall {
  started: Extract<PipelineEvent, { type: "call-started" }>;
  text: string;
}

const RECONNECT_MS = [250, 500, 1_000, 2_000, 5_000];

/** Messages after which a session no longer waits for a person (checked for every message). */
const CLEARS_PAUSE = new Set<string>([
  "steering-applied",
  "round-completed",
  "session-started",
  "session-ended",
]);

/** Messages after which no round of the session is in progress. */
const ROUND_ENDS = new Set<string>(["round-completed", "session-started", "session-ended"]);

export class EventHub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly watchers = new Map<string, Set<Watcher>>();
  private readonly running = new Map<string, Map<string, RunningCall>>();
  /** The pause each session's run waits at for a person: stored rows do not say it. */
  private readonly awaiting = new Map<string, Extract<PipelineEvent, { type: "steering-awaited" }>>();
  /** People's changes to each session's round in progress: stored rows show them once it is committed. */
  private readonly steered = new Map<string, PipelineEvent[]>();
  private readonly decoder = new BusDecoder();
  private state: ListenerState = "idle";
  private failures = 0;

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
      if (set.size === 0 && this.watchers.get(sessionId) === set) this.watchers.delete(sessionId);
    };
    return { partial: this.partialEvents(sessionId), unwatch };
  }

  /**
   * Resolves with the ack when the run of `sessionId` acknowledges `action` (the request `requestId`,
   * when given), null after `timeoutMs`.
   */
  awaitAck(
    sessionId: string,
    action: ControlAction,
    timeoutMs: number,
    requestId?: string,
  ): { acked: Promise<ControlAck | null> } & {
    cancel(): void;
  } {
    let finish: (acked: ControlAck | null) => void = () => {};
    const acked = new Promise<ControlAck | null>((resolve) => {
      finish = resolve;
    });
    const { unwatch } = this.watch(sessionId, (message) => {
      if (message.type !== "control-ack" || message.action !== action) return;
      if (requestId === undefined || message.requestId === requestId) done(message);
    });
    const timer = setTimeout(() => done(null), timeoutMs);
    const done = (value: ControlAck | null) => {
      clearTimeout(timer);
      unwatch();
      finish(value);
    };
    return { acked, cancel: () => done(null) };
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

  stats(): HubStats {
    let watchers = 0;
    for (const set of this.watchers.values()) watchers += set.size;
    let runningCalls = 0;
    for (const calls of this.running.values()) runningCalls += calls.size;
    return { listener: this.state, watchers, watchedSessions: this.watchers.size, runningCalls };
  }

  /** Stops listening and tells every watcher to go (their streams end; browsers reconnect later). */
  async close(): Promise<void> {
    this.state = "closed";
    for (const sessionId of [...this.watchers.keys()]) this.deliver({ type: "resync", sessionId });
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private partialEvents(sessionId: string): PipelineEvent[] {
    const events: PipelineEvent[] = [];
    for (const { started, text } of this.running.get(sessionId)?.values() ?? []) {
      events.push(started);
      if (!text) continue;
      const { sessionId: id, seq, timestamp, callId } = started;
      events.push({ type: "call-delta", sessionId: id, seq, timestamp, callId, delta: text });
    }
    events.push(...(this.steered.get(sessionId) ?? []));
    const pause = this.awaiting.get(sessionId);
    if (pause) events.push(pause);
    return events;
  }

  private rememberSteering(message: BusMessage): void {
    const { sessionId } = message;
    if (message.type === "output-regenerated" || (message.type === "steering-applied" && message.kind)) {
      this.steered.set(sessionId, [...(this.steered.get(sessionId) ?? []), message]);
    }
    if (ROUND_ENDS.has(message.type)) this.steered.delete(sessionId);
  }

  private remember(message: BusMessage): void {
    if (message.type === "steering-awaited") this.awaiting.set(message.sessionId, message);
    if (CLEARS_PAUSE.has(message.type)) this.awaiting.delete(message.sessionId);
    this.rememberSteering(message);
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
        if (calls.size === 0) this.running.delete(message.sessionId);
        return;
      // A new run (after a crash, the old one never said it ended) or the end: nothing is running.
      // A resync keeps the text: watchers start again from rows plus this text, so none is lost.
      case "session-started":
      case "session-ended":
        this.running.delete(message.sessionId);
        return;
    }
  }

  private async connect(): Promise<void> {
    this.state = this.failures ? "reconnecting" : "connecting";
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: "magnet-hub" });
    client.on("notification", (notification) => {
      if (notification.channel !== EVENTS_CHANNEL || !notification.payload) return;
      const message = this.decoder.decode(notification.payload);
      if (message) this.deliver(message);
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    this.client = client;
    this.state = "listening";
    this.failures = 0;
  }

  /** After a lost connection, watchers resynchronise from stored rows and listening starts again. */
  private lost(client: pg.Client): void {
    if (this.client !== client || this.state === "closed") return;
    // The studio stops the app before its database, so a loss seen here is a real one.
    console.error("Session event listener lost its connection; reconnecting");
    this.client = null;
    this.state = "reconnecting";
    this.decoder.clear();
    for (const sessionId of [...this.watchers.keys()]) this.deliver({ type: "resync", sessionId });
    this.connecting = null;
    this.retry();
  }

  private retry(): void {
    const delay = RECONNECT_MS[Math.min(this.failures++, RECONNECT_MS.length - 1)] ?? 5_000;
    setTimeout(() => {
      if (this.state === "closed") return;
      this.ready().catch((error: Error) => {
        if (this.failures === 1)
          console.error(`Session event listener cannot reconnect yet: ${error.message}`);
        this.retry();
      });
    }, delay).unref();
  }
}

const globalForHub = globalThis as unknown as { magnetEventHub?: EventHub };

/** The web process's hub, listening from first use. */
export async function getEventHub(databaseUrl = process.env.DATABASE_URL ?? ""): Promise<EventHub> {
  globalForHub.magnetEventHub ??= new EventHub(databaseUrl);
  await globalForHub.magnetEventHub.ready();
  return globalForHub.magnetEventHub;
}

/** Closes the process's hub, if it has one: its watchers' streams end. */
export async function closeEventHub(): Promise<void> {
  const hub = globalForHub.magnetEventHub;
  globalForHub.magnetEventHub = undefined;
  await hub?.close();
}

/** The hub's figures if this process has one, for /api/health. */
export function eventHubStats(): HubStats {
  return (
    globalForHub.magnetEventHub?.stats() ?? {
      listener: "idle",
      watchers: 0,
      watchedSessions: 0,
      runningCalls: 0,
    }
  );
}
