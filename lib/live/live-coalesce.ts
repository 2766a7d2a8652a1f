import type { BusMessage } from "./event-bus";

/**
 * Merges the deltas of one call that follow each other within a batch (other events between them
 * allowed, as long as none is about that call) into one delta: the text and its order per call are
 * kept, and a call's other events stay after its text. Client-safe; pure.
 */
export function coalesce(messages: readonly BusMessage[]): BusMessage[] {
  const out: BusMessage[] = [];
  const lastOfCall = new Map<string, number>();
  for (const message of messages) {
    const callId = "callId" in message ? message.callId : undefined;
    if (callId === undefined) {
      out.push(message);
      continue;
    }
    const at = lastOfCall.get(callId);
    const previous = at === undefined ? undefined : out[at];
    if (message.type === "call-delta" && previous?.type === "call-delta") {
      out[at as number] = { ...previous, delta: previous.delta + message.delta };
      continue;
    }
    lastOfCall.set(callId, out.length);
    out.push(message);
  }
  return out;
}
