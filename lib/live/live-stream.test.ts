import { getEventListeners, setMaxListeners } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { PipelineEvent } from "@/lib/pipeline/events";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { closeEventPublisher } from "@/lib/runs/live-run";
import { DEAD_RUN_REASON } from "@/lib/runs/run-status";
import { createSession } from "@/lib/sessions/create";
import { closeEventHub, eventHubStats, getEventHub } from "./event-hub";
import { openSessionStream } from "./live-stream";
import { type Decoded, WireDecoder } from "./live-wire";

let sessionId = "";
beforeAll(async () => {
  await seedSampleProfiles();
  const profile = await getDb().clientProfile.findFirstOrThrow({ orderBy: { name: "asc" } });
  sessionId = (await createSession({ profileId: profile.id, variant: "magnet" })).id;
});
afterAll(async () => {
  await closeEventPublisher();
  await closeEventHub();
});

const stamp = { seq: 0, timestamp: 0 };
const started = (callId: string): PipelineEvent => ({
  type: "call-started",
  callId,
  role: "client",
  roundIndex: 1,
  provider: "offline",
  modelId: "offline-simulator",
  attempt: 1,
  sessionId,
  ...stamp,
});
const delta = (callId: string, text: string): PipelineEvent => ({
  type: "call-delta",
  callId,
  delta: text,
  sessionId,
  ...stamp,
});

/** Reads a stream's lines as they come, decoded, until it ends or errors. */
function readLines(stream: ReadableStream<Uint8Array>) {
  const lines: string[] = [];
  const decoded: Decoded[] = [];
  const chunks: number[] = [];
  const decoder = new WireDecoder();
  const done = (async () => {
    const reader = stream.getReader();
    const text = new TextDecoder();
    let buffered = "";
    for (;;) {
      const { value, done: ended } = await reader.read();
      if (ended) return;
      chunks.push(value.length);
      buffered += text.decode(value, { stream: true });
      const parts = buffered.split("\n");
      buffered = parts.pop() ?? "";
      for (const line of parts) {
        lines.push(line);
        const message = decoder.decode(line);
        if (message) decoded.push(message);
      }
    }
  })();
  return { lines, decoded, chunks, done };
}

describe("a session's live stream", () => {
  it("leaves no watcher behind when 1,000 streams are opened and dropped after 50 ms", async () => {
    const opened = Array.from({ length: 1_000 }, async () => {
      const client = new AbortController();
      setTimeout(() => client.abort(), 50);
      const stream = await openSessionStream(sessionId, client.signal);
      await readLines(stream).done.catch(() => {});
    });
    await Promise.all(opened);
    expect(eventHubStats().watchers).toBe(0);
  });

  it("drops a reader that stops reading once its buffer passes the bound", async () => {
    const hub = await getEventHub();
    const client = new AbortController();
    const stream = await openSessionStream(sessionId, client.signal, {
      maxBufferedBytes: 256 * 1024,
      coalesceMs: 0,
    });
    expect(eventHubStats().watchers).toBe(1);
    hub.deliver(started("stalled"));
    const text = "a stalled reader must not grow the heap without limit ".repeat(20);
    for (let i = 0; i < 1_000 && eventHubStats().watchers > 0; i++) {
      hub.deliver(delta("stalled", text));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(eventHubStats().watchers).toBe(0);
    await expect(stream.getReader().read()).rejects.toThrow(/stopped reading/);
    hub.deliver({
      type: "call-failed",
      callId: "stalled",
      error: "x",
      willRetry: false,
      attempt: 1,
      cancelled: true,
      sessionId,
      ...stamp,
    });
  });

  it("writes a call's deltas of one window as one line, text and order intact", async () => {
    const hub = await getEventHub();
    const client = new AbortController();
    const read = readLines(await openSessionStream(sessionId, client.signal, { coalesceMs: 40 }));
    hub.deliver(started("merged"));
    const words = Array.from({ length: 30 }, (_, i) => `w${i} `);
    for (const word of words) hub.deliver(delta("merged", word));
    await expect.poll(() => read.decoded.filter((d) => d.kind === "event").length).toBeGreaterThanOrEqual(2);
    client.abort();
    await read.done.catch(() => {});
    const deltas = read.decoded.flatMap((d) =>
      d.kind === "event" && d.event.type === "call-delta" ? [d.event.delta] : [],
    );
    expect(deltas.join("")).toBe(words.join(""));
    expect(deltas.length).toBeLessThan(words.length / 5);
    hub.deliver({
      type: "call-failed",
      callId: "merged",
      error: "x",
      willRetry: false,
      attempt: 1,
      cancelled: true,
      sessionId,
      ...stamp,
    });
  });

  it("spreads 200 watchers' reconnects after a resync and ends their streams", async () => {
    const hub = await getEventHub();
    const client = new AbortController();
    // One signal stands for 200 clients here (each request has its own in the app); each open stream
    // listens to it once.
    setMaxListeners(200, client.signal);
    const reads = await Promise.all(
      Array.from({ length: 200 }, async () => readLines(await openSessionStream(sessionId, client.signal))),
    );
    hub.deliver({ type: "resync", sessionId });
    await Promise.all(reads.map((read) => read.done));
    const afters = reads.map((read) => {
      const last = read.decoded.at(-1);
      return last?.kind === "resync" ? last.after : -1;
    });
    expect(afters.every((after) => after >= 0 && after <= 2_000)).toBe(true);
    expect(new Set(afters).size).toBeGreaterThan(150);
    expect(eventHubStats().watchers).toBe(0);
    // Streams that ended by themselves no longer hold on to a signal that outlives them.
    expect(getEventListeners(client.signal, "abort")).toHaveLength(0);
  });

  it("records a dead run (status running, no run lock) as stopped, so the page offers Resume", async () => {
    await getDb().session.update({ where: { id: sessionId }, data: { status: "running" } });
    const client = new AbortController();
    const read = readLines(await openSessionStream(sessionId, client.signal));
    await expect.poll(() => read.decoded.length).toBeGreaterThan(0);
    client.abort();
    const [first] = read.decoded;
    expect(first?.kind === "snapshot" && first.state).toMatchObject({
      status: "stopped",
      statusReason: DEAD_RUN_REASON,
    });
    expect(await getDb().session.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      status: "stopped",
    });
  });
});
