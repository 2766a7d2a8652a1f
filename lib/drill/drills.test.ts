import { setMaxListeners } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { closeEventHub, eventHubStats } from "@/lib/live/event-hub";
import { openSessionStream } from "@/lib/live/live-stream";
import { readWire } from "@/lib/live/read-wire";
import { closeEventPublisher, runSessionLive } from "@/lib/runs/live-run";
import { createSession } from "@/lib/sessions/create";
import { sampleProfileId, simulateOffline } from "@/lib/testing/sessions";

// The quick part of drill 3 (npm run drill runs the full one against the built app): 200 watchers of
// one running session, through the real bus (NOTIFY → LISTEN hub → wire), each sees every delta of
// every call in order, and none is left registered afterwards.

let profileId = "";
beforeAll(async () => {
  simulateOffline({ latencyMs: 20, tokensPerSecond: 400 });
  profileId = await sampleProfileId();
});
afterAll(async () => {
  await closeEventPublisher();
  await closeEventHub();
});

/** Reads a stream to its end (the session's end); returns each call's text from its deltas. */
async function deltasOf(stream: ReadableStream<Uint8Array>, done: Promise<unknown>, abort: AbortController) {
  const texts = new Map<string, string>();
  void done.then(() => setTimeout(() => abort.abort(), 200));
  for await (const batch of readWire(stream)) {
    for (const decoded of batch) {
      if (decoded.kind !== "event") continue;
      const { event } = decoded;
      if (event.type === "call-delta") texts.set(event.callId, (texts.get(event.callId) ?? "") + event.delta);
      if (event.type === "session-ended") return texts;
    }
  }
  return texts;
}

describe("drill 3, quick: 200 watchers on one running session", () => {
  it("every watcher sees every delta in order, and none is left", async () => {
    const { id } = await createSession({ profileId, variant: "magnet", overrides: { maxRounds: 1 } });
    const abort = new AbortController();
    // One signal stands for 200 browsers here (each request has its own in the app); each open stream
    // listens to it once.
    setMaxListeners(200, abort.signal);
    const streams = await Promise.all(Array.from({ length: 200 }, () => openSessionStream(id, abort.signal)));
    expect(eventHubStats().watchers).toBe(200);
    const run = runSessionLive({ sessionId: id, mode: "to-end" });
    const seen = await Promise.all(streams.map((stream) => deltasOf(stream, run, abort)));
    expect(await run).toMatchObject({ status: "completed" });
    const calls = await getDb().agentCall.findMany({
      where: { sessionId: id },
      select: { id: true, rawOutput: true },
    });
    expect(calls.length).toBe(9);
    for (const texts of seen) {
      for (const call of calls) expect(texts.get(call.id) ?? "").toBe(call.rawOutput ?? "");
    }
    abort.abort();
    await expect.poll(() => eventHubStats().watchers).toBe(0);
  });
});
