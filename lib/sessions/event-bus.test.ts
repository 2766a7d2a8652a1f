import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { PipelineEvent } from "@/lib/pipeline/events";
import { type BusMessage, createEventPublisher, encodeBusMessage, sendControl } from "./event-bus";
import { EventHub } from "./event-hub";

const url = () => process.env.DATABASE_URL ?? "";

function delta(seq: number, text: string, callId = "c1"): PipelineEvent {
  return { type: "call-delta", callId, delta: text, sessionId: "s1", seq, timestamp: Date.now() };
}

describe("the session event bus", () => {
  const hub = new EventHub(url());
  afterAll(() => hub.close());

  it("carries every event from a publisher to a watcher in order, across connections", async () => {
    await hub.ready();
    const received: BusMessage[] = [];
    const { unwatch } = hub.watch("s1", (message) => received.push(message));
    const publisher = await createEventPublisher(url());
    for (let i = 1; i <= 300; i++) publisher.publish(delta(i, `w${i} `));
    await publisher.close();
    await expect.poll(() => received.length).toBe(300);
    expect(received.map((m) => (m.type === "call-delta" ? m.seq : 0))).toEqual(
      Array.from({ length: 300 }, (_, i) => i + 1),
    );
    unwatch();
  });

  it("gives a late watcher the text streamed so far by calls still running", async () => {
    await hub.ready();
    const publisher = await createEventPublisher(url());
    publisher.publish({
      type: "call-started",
      callId: "c9",
      role: "specialist:reflection",
      technique: "reflection",
      roundIndex: 1,
      provider: "offline",
      modelId: "offline-simulator",
      attempt: 1,
      sessionId: "s2",
      seq: 1,
      timestamp: Date.now(),
    });
    publisher.publish({ ...delta(2, "It sounds ", "c9"), sessionId: "s2" });
    publisher.publish({ ...delta(3, "hard.", "c9"), sessionId: "s2" });
    await publisher.close();
    await expect.poll(() => hub.watch("s2", () => {}).partial.length).toBe(2);
    const { partial } = hub.watch("s2", () => {});
    expect(partial[1]).toMatchObject({ type: "call-delta", callId: "c9", delta: "It sounds hard." });
  });

  it("replaces an event too big for NOTIFY by a resync notice", () => {
    const big = delta(1, "x".repeat(9_000));
    expect(JSON.parse(encodeBusMessage(big))).toEqual({ type: "resync", sessionId: "s1" });
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
});
