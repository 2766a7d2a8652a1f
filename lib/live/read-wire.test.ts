import { describe, expect, it } from "vitest";
import type { PipelineEvent } from "@/lib/pipeline/events";
import { WireEncoder } from "./live-wire";
import { readWire } from "./read-wire";

const common = { sessionId: "s1", seq: 0, timestamp: 0 };
const started: PipelineEvent = {
  ...common,
  type: "call-started",
  callId: "c1",
  role: "client",
  roundIndex: 1,
  provider: "offline",
  modelId: "offline-simulator",
  attempt: 1,
};
const delta = (text: string): PipelineEvent => ({ ...common, type: "call-delta", callId: "c1", delta: text });

/** A stream that sends `bytes` cut at the given offsets, and notes when the reader cancels it. */
function streamOf(bytes: Uint8Array, cuts: number[]) {
  const state = { cancelled: false };
  const edges = [0, ...cuts, bytes.length];
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next + 1 >= edges.length) return controller.close();
      controller.enqueue(bytes.slice(edges[next], edges[next + 1]));
      next += 1;
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

function wireOf(events: PipelineEvent[]): Uint8Array {
  const encoder = new WireEncoder();
  return new TextEncoder().encode(events.map((event) => encoder.event(event)).join(""));
}

describe("readWire", () => {
  it("gives back every line whole when chunks cut lines and characters in two", async () => {
    const bytes = wireOf([started, delta("Ça "), delta("va\nbien"), delta(" — merci")]);
    const eAcute = bytes.indexOf(0x87); // the second byte of "Ç"
    const { stream } = streamOf(bytes, [5, eAcute, bytes.length - 4]);
    const text: string[] = [];
    const batches: number[] = [];
    for await (const batch of readWire(stream)) {
      batches.push(batch.length);
      for (const decoded of batch)
        if (decoded.kind === "event" && decoded.event.type === "call-delta") text.push(decoded.event.delta);
    }
    expect(text.join("")).toBe("Ça va\nbien — merci");
    expect(batches.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it("cancels the stream when the reader stops early (a resync)", async () => {
    const encoder = new WireEncoder();
    const bytes = new TextEncoder().encode(`${encoder.resync(250)}${encoder.event(started)}`);
    const { stream, state } = streamOf(bytes, [bytes.length - 1]);
    let after: number | undefined;
    for await (const batch of readWire(stream)) {
      const resync = batch.find((decoded) => decoded.kind === "resync");
      if (resync?.kind === "resync") {
        after = resync.after;
        break;
      }
    }
    expect(after).toBe(250);
    expect(state.cancelled).toBe(true);
  });
});
