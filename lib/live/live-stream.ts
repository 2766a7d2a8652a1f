import "server-only";
import type { PipelineEvent } from "@/lib/pipeline/events";
import { settleDeadRunLive } from "@/lib/runs/live-run";
import { getSessionDetailById } from "@/lib/sessions/queries";
import type { BusMessage } from "./event-bus";
import { getEventHub } from "./event-hub";
import { coalesce } from "./live-coalesce";
import { liveSessionFromDetail, withPartialCalls } from "./live-snapshot";
import type { LiveSession } from "./live-state";
import { WireEncoder } from "./live-wire";

const HEARTBEAT_MS = 15_000;
/**
 * Lines written within this window of the previous write leave together, and deltas of one call in
 * it become one line: fewer, larger writes (bytes per byte of text: issue 16). A write after a quiet
 * spell leaves at once, so a lone event is not delayed.
 */
const COALESCE_MS = Number(process.env.STREAM_COALESCE_MS ?? 40);
/** Bytes queued for a reader that stopped reading before its stream is dropped. */
const MAX_BUFFERED_BYTES = 1 << 20;
/** After a resync, watchers come back within this spread, not all in the same millisecond. */
const RESYNC_SPREAD_MS = 2_000;

export interface StreamOptions {
  maxBufferedBytes?: number;
  coalesceMs?: number;
}

/**
 * One watcher's stream of a session: a snapshot (stored rows + partial text of running calls), then
 * every event as it happens. Watching starts before the snapshot is read and events that arrive in
 * between are queued, so nothing falls between the two; the reducer ignores what the snapshot has.
 * The watcher is released however the stream ends: a client gone before the snapshot was read, a
 * client gone later, a reader that stops reading (past a bound), a resync.
 */
export async function openSessionStream(
  sessionId: string,
  signal: AbortSignal,
  options: StreamOptions = {},
): Promise<ReadableStream<Uint8Array>> {
  const hub = await getEventHub();
  let queue: BusMessage[] | null = [];
  let deliver: (message: BusMessage) => void = () => {};
  const { partial, unwatch } = hub.watch(sessionId, (message) => {
    if (queue) queue.push(message);
    else deliver(message);
  });
  let heartbeat: NodeJS.Timeout | undefined;
  // What the client's leaving does: release the watcher until the stream starts, then end the stream.
  let onLeave = () => release();
  const onAbort = () => onLeave();
  const release = () => {
    unwatch();
    clearInterval(heartbeat);
    // A stream that ends by itself (resync, stalled reader) stops listening: its caller's signal may
    // outlive it.
    signal.removeEventListener("abort", onAbort);
  };
  // Registered before the first await: an abort during the snapshot query must release the watcher.
  signal.addEventListener("abort", onAbort, { once: true });
  let state: LiveSession;
  // A client already gone (a page closed at once, a flood of dropped streams) costs no query.
  if (signal.aborted) {
    release();
    return closedStream();
  }
  try {
    state = await snapshotOf(sessionId, partial);
  } catch (error) {
    release();
    throw error;
  }
  if (signal.aborted) {
    release();
    return closedStream();
  }

  const writer = new CoalescingWriter(options.coalesceMs ?? COALESCE_MS);
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const limit = options.maxBufferedBytes ?? MAX_BUFFERED_BYTES;
        const end = (error?: Error) => {
          release();
          writer.cancel();
          try {
            if (error) controller.error(error);
            else controller.close();
          } catch {
            // already closed
          }
        };
        writer.output = (chunk, last) => {
          if ((controller.desiredSize ?? 0) < -limit) return end(new Error("the watcher stopped reading"));
          try {
            controller.enqueue(chunk);
          } catch {
            return end();
          }
          if (last) end();
        };
        onLeave = () => end();
        deliver = (message) => writer.add(message);
        writer.snapshot(state);
        for (const message of queue ?? []) writer.add(message);
        queue = null;
        // A blank line now and then keeps idle connections open through proxies.
        heartbeat = setInterval(() => writer.blank(), HEARTBEAT_MS);
      },
      cancel: () => {
        release();
        writer.cancel();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
}

/** Stored rows (a dead run settled first) plus the partial text of calls still running. */
async function snapshotOf(sessionId: string, partial: PipelineEvent[]): Promise<LiveSession> {
  let detail = await getSessionDetailById({ id: sessionId });
  if (detail.status === "running" && (await settleDeadRunLive(sessionId)))
    detail = await getSessionDetailById({ id: sessionId });
  return withPartialCalls(liveSessionFromDetail(detail), partial);
}

function closedStream(): ReadableStream<Uint8Array> {
  return new ReadableStream({ start: (controller) => controller.close() });
}

/** Turns messages into wire lines, merged and written in coalescing windows. */
class CoalescingWriter {
  private readonly wire = new WireEncoder();
  private readonly bytes = new TextEncoder();
  private pending: BusMessage[] = [];
  private text = "";
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private lastWrite = 0;
  private ended = false;
  output: (chunk: Uint8Array, last: boolean) => void = () => {};

  constructor(private readonly windowMs: number) {}

  snapshot(state: LiveSession): void {
    this.text += this.wire.snapshot(state);
    this.schedule();
  }

  add(message: BusMessage): void {
    if (this.ended || message.type === "control-ack") return;
    this.pending.push(message);
    this.schedule();
  }

  blank(): void {
    this.text += "\n";
    this.schedule();
  }

  cancel(): void {
    this.ended = true;
    clearTimeout(this.timer as NodeJS.Timeout);
    clearImmediate(this.timer as NodeJS.Immediate);
  }

  private schedule(): void {
    if (this.timer || this.ended) return;
    const wait = this.lastWrite + this.windowMs - performance.now();
    this.timer = wait > 0 ? setTimeout(() => this.write(), wait) : setImmediate(() => this.write());
  }

  private write(): void {
    this.timer = undefined;
    if (this.ended) return;
    let last = false;
    for (const message of coalesce(this.pending)) {
      if (message.type === "resync") {
        const after = Math.round(Math.random() * RESYNC_SPREAD_MS);
        this.text += this.wire.resync(after);
        last = true;
        break;
      }
      if (message.type !== "control-ack") this.text += this.wire.event(message);
    }
    this.pending = [];
    const chunk = this.text;
    this.text = "";
    this.lastWrite = performance.now();
    if (chunk || last) this.output(this.bytes.encode(chunk), last);
    if (last) this.ended = true;
  }
}
