import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { PipelineEvent } from "@/lib/pipeline/events";
import { BusDecoder, type BusMessage, encodeBusMessage, MAX_PAYLOAD_BYTES, sendControl } from "./event-bus";
import { EventHub } from "./event-hub";
import { createEventPublisher } from "./event-publisher";

const url = () => process.env.DATABASE_URL ?? "";

function delta(seq: number, text: string, callId = "c1", sessionId = "s1"): PipelineEvent {
  return { type: "call-delta", callId, delta: text, sessionId, seq, timestamp: Date.now() };
}

function started(callId: string, sessionId: string): PipelineEvent {
  return {
    type: "call-started",
    callId,
    role: "specialist:reflection",
    technique: "reflection",
    roundIndex: 1,
    provider: "offline",
    modelId: "offline-simulator",
    attempt: 1,
    sessionId,
    seq: 1,
    timestamp: Date.now(),
  };
}

/** Ends this database's connections of one application (the publisher's or the hub's). */
async function terminate(applicationName: string): Promise<number> {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  const { rowCount } = await client.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
     WHERE datname = current_database() AND application_name = $1`,
    [applicationName],
  );
  await client.end();
  return rowCount ?? 0;
}

const textOf = (messages: BusMessage[], callId: string) =>
  messages.flatMap((m) => (m.type === "call-delta" && m.callId === callId ? [m.delta] : [])).join("");

describe("the session event bus", () => {
  const hub = new EventHub(url());
  afterAll(() => hub.close());

  it("carries every call's text from a publisher to a watcher in order, across connections", async () => {
    await hub.ready();
    const received: BusMessage[] = [];
    const { unwatch } = hub.watch("s1", (message) => received.push(message));
    const publisher = await createEventPublisher(url());
    publisher.publish(started("c1", "s1"));
    for (let i = 1; i <= 300; i++) publisher.publish(delta(i, `w${i} `, i % 2 ? "c1" : "c2"));
    publisher.publish(started("c3", "s1"));
    await publisher.close();
    const words = (from: number) => Array.from({ length: 150 }, (_, i) => `w${from + 2 * i} `).join("");
    await expect.poll(() => textOf(received, "c2")).toBe(words(2));
    expect(textOf(received, "c1")).toBe(words(1));
    expect(received[0]).toMatchObject({ type: "call-started", callId: "c1" });
    expect(received.at(-1)).toMatchObject({ type: "call-started", callId: "c3" });
    // Deltas published close together travel merged: far fewer messages than deltas.
    expect(received.length).toBeLessThan(100);
    unwatch();
  });

  it("gives a late watcher the text streamed so far by calls still running", async () => {
    await hub.ready();
    const publisher = await createEventPublisher(url());
    publisher.publish(started("c9", "s2"));
    publisher.publish(delta(2, "It sounds ", "c9", "s2"));
    publisher.publish(delta(3, "hard.", "c9", "s2"));
    await publisher.close();
    await expect.poll(() => hub.watch("s2", () => {}).partial.length).toBe(2);
    const { partial } = hub.watch("s2", () => {});
    expect(partial[1]).toMatchObject({ type: "call-delta", callId: "c9", delta: "It sounds hard." });
  });

  it("sends an event over the NOTIFY limit in parts, whole, Latin or not, and keeps the partial text", async () => {
    await hub.ready();
    const received: BusMessage[] = [];
    hub.watch("s4", (message) => received.push(message));
    const latin = "x".repeat(9_000);
    const other = "思考と感情😀\n\u0001".repeat(1_500); // 3- and 4-byte UTF-8, escapes, surrogate pairs
    for (const text of [latin, other]) {
      for (const payload of encodeBusMessage(delta(1, text)))
        expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    }
    const publisher = await createEventPublisher(url());
    publisher.publish(started("a", "s4"));
    publisher.publish(started("b", "s4"));
    publisher.publish(delta(2, "in flight ", "a", "s4"));
    publisher.publish(delta(3, latin, "b", "s4"));
    publisher.publish(delta(4, other, "b", "s4"));
    publisher.publish(delta(5, "still", "a", "s4"));
    await publisher.close();
    await expect.poll(() => textOf(received, "b")).toBe(latin + other);
    expect(textOf(received, "a")).toBe("in flight still");
    expect(received.some((m) => m.type === "resync")).toBe(false);
    const partial = hub.watch("s4", () => {}).partial;
    expect(
      partial.filter((e) => e.type === "call-delta").map((e) => e.type === "call-delta" && e.delta),
    ).toEqual(["in flight still", latin + other]);
  });

  it("drops a part that arrives out of order instead of joining a broken message", () => {
    const parts = encodeBusMessage(delta(1, "y".repeat(20_000)));
    expect(parts.length).toBeGreaterThan(2);
    const decoder = new BusDecoder();
    expect(decoder.decode(parts[0] ?? "")).toBeNull();
    expect(decoder.decode(parts[2] ?? "")).toBeNull();
    expect(decoder.decode(parts.at(-1) ?? "")).toBeNull();
  });

  it("delivers stop and pause requests to the run's process", async () => {
    const publisher = await createEventPublisher(url());
    const actions: string[] = [];
    publisher.onControl("s3", (action) => actions.push(action));
    const pool = new pg.Pool({ connectionString: url() });
    await sendControl(pool, { sessionId: "s3", action: "pause" });
    await sendControl(pool, { sessionId: "elsewhere", action: "stop" });
    await expect.poll(() => actions).toEqual(["pause"]);
    await Promise.all([publisher.close(), pool.end()]);
  });

  it("reconnects a publisher whose connection dropped: later events and control requests still flow", async () => {
    await hub.ready();
    const received: BusMessage[] = [];
    hub.watch("s5", (message) => received.push(message));
    const publisher = await createEventPublisher(url());
    const actions: string[] = [];
    publisher.onControl("s5", (action) => actions.push(action));
    publisher.publish(delta(1, "before ", "c1", "s5"));
    await expect.poll(() => received.length).toBe(1);
    expect(await terminate("magnet-publisher")).toBeGreaterThan(0);
    await expect.poll(() => publisher.connected).toBe(false);
    publisher.publish(delta(2, "while down ", "c1", "s5"));
    await expect.poll(() => publisher.connected, { timeout: 5_000 }).toBe(true);
    publisher.publish(delta(3, "after", "c1", "s5"));
    await expect.poll(() => textOf(received, "c1")).toBe("before while down after");
    const pool = new pg.Pool({ connectionString: url() });
    await sendControl(pool, { sessionId: "s5", action: "stop" });
    await expect.poll(() => actions).toEqual(["stop"]);
    await Promise.all([publisher.close(), pool.end()]);
  });

  it("keeps the partial text when its listener reconnects, and reports its state", async () => {
    const own = new EventHub(url());
    await own.ready();
    expect(own.stats().listener).toBe("listening");
    const received: BusMessage[] = [];
    own.watch("s6", (message) => received.push(message));
    const publisher = await createEventPublisher(url());
    publisher.publish(started("c6", "s6"));
    publisher.publish(delta(2, "so far", "c6", "s6"));
    await expect.poll(() => received.length).toBe(2);
    await terminate("magnet-hub");
    await expect.poll(() => received.some((m) => m.type === "resync")).toBe(true);
    await expect.poll(() => own.stats().listener, { timeout: 5_000 }).toBe("listening");
    expect(own.watch("s6", () => {}).partial.at(-1)).toMatchObject({ delta: "so far" });
    publisher.publish(delta(3, " and on", "c6", "s6"));
    await expect.poll(() => textOf(received, "c6")).toBe("so far and on");
    await Promise.all([publisher.close(), own.close()]);
    expect(own.stats()).toMatchObject({ listener: "closed" });
  });
});
