import "server-only";
import type { BusMessage } from "./event-bus";
import { getEventHub } from "./event-hub";
import { liveSessionFromDetail, withPartialCalls } from "./live-snapshot";
import { WireEncoder } from "./live-wire";
import { getSessionDetailById } from "./queries";

const HEARTBEAT_MS = 15_000;

/**
 * One watcher's stream of a session: a snapshot (stored rows + partial text of running calls), then
 * every event as it happens. Watching starts before the snapshot is read and events that arrive in
 * between are queued, so nothing falls between the two; the reducer ignores what the snapshot has.
 */
export async function openSessionStream(
  sessionId: string,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  const hub = await getEventHub();
  const wire = new WireEncoder();
  const bytes = new TextEncoder();
  let queue: BusMessage[] | null = [];
  let send: (line: string) => void = () => {};
  const forward = (message: BusMessage) =>
    send(message.type === "resync" ? wire.resync() : wire.event(message));
  const { partial, unwatch } = hub.watch(sessionId, (message) => {
    if (queue) queue.push(message);
    else forward(message);
  });
  let state: ReturnType<typeof liveSessionFromDetail>;
  try {
    state = withPartialCalls(liveSessionFromDetail(await getSessionDetailById({ id: sessionId })), partial);
  } catch (error) {
    unwatch();
    throw error;
  }

  let heartbeat: NodeJS.Timeout | undefined;
  const stop = () => {
    unwatch();
    clearInterval(heartbeat);
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // Lines that arrive in the same turn of the event loop leave as one chunk: no delay, less framing.
      let pending = "";
      const flush = () => {
        const chunk = pending;
        pending = "";
        try {
          controller.enqueue(bytes.encode(chunk));
        } catch {
          stop(); // the watcher went away
        }
      };
      send = (line) => {
        if (!line) return;
        if (!pending) setImmediate(flush);
        pending += line;
      };
      send(wire.snapshot(state));
      for (const message of queue ?? []) forward(message);
      queue = null;
      // A blank line now and then keeps idle connections open through proxies.
      heartbeat = setInterval(() => send("\n"), HEARTBEAT_MS);
      signal.addEventListener("abort", () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel: stop,
  });
}
