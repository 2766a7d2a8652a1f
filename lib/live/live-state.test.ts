import { describe, expect, it } from "vitest";
import { runSession } from "@/lib/pipeline/engine";
import type { PipelineEvent } from "@/lib/pipeline/events";
import { MemorySessionStore } from "@/lib/pipeline/memory-store";
import { fakeModel, testConfig, testProfile } from "@/lib/pipeline/testing";
import { createOfflineSimulator, type LanguageModelV4 } from "@/lib/providers";
import type { StreamPartV4 } from "@/lib/providers/model-types";
import { applyEvent, emptyLiveSession, type LiveSession, latestAttempts } from "./live-state";
import { WireDecoder, WireEncoder } from "./live-wire";

async function recordSession(
  model: LanguageModelV4 = createOfflineSimulator({ latencyMs: 0, tokensPerSecond: 5_000 }),
): Promise<PipelineEvent[]> {
  const events: PipelineEvent[] = [];
  await runSession({
    sessionId: "s1",
    profile: testProfile,
    variant: "magnet",
    config: testConfig({ maxRounds: 3 }),
    store: new MemorySessionStore(),
    models: () => model,
    onEvent: (event) => events.push(event),
  });
  return events;
}

/** Replies of a typical length (~70 words) for the roles that write dialogue; the defaults elsewhere. */
function typicalReply(role: string): string | undefined {
  if (!role.startsWith("specialist:") && role !== "fuser" && role !== "client") return undefined;
  const sentence = "It sounds like the pressure at work has been building for a while, and that is hard. ";
  return sentence.repeat(5).trim();
}

/** Re-streams a model's text one word at a time, as real models stream tokens. */
function wordByWord(model: LanguageModelV4): LanguageModelV4 {
  return {
    ...model,
    async doStream(call) {
      const result = await model.doStream(call);
      const words = new TransformStream<StreamPartV4, StreamPartV4>({
        transform(part, controller) {
          if (part.type !== "text-delta") return controller.enqueue(part);
          for (const word of part.delta.match(/\S+\s*/g) ?? []) controller.enqueue({ ...part, delta: word });
        },
      });
      return { ...result, stream: result.stream.pipeThrough(words) };
    },
  };
}

const initial = () => emptyLiveSession("s1", "magnet", 3);

describe("live session state", () => {
  it("rebuilds the plan, every round, its candidates, selection and replies from the events", async () => {
    const events = await recordSession();
    const state = events.reduce(applyEvent, initial());
    expect(state.status).toBe("completed");
    expect(state.plan?.technique).toBeTruthy();
    expect(state.rounds.map((r) => r.index)).toEqual([1, 2, 3]);
    for (const round of state.rounds) {
      expect(round.committed).toBe(true);
      const roles = latestAttempts(state, round.callIds).map((c) => c.role);
      expect(roles.filter((r) => r.startsWith("specialist:"))).toHaveLength(5);
      expect(roles).toEqual(expect.arrayContaining(["selector", "fuser", "client"]));
      expect(round.selection?.techniques.length).toBeGreaterThan(0);
      expect(round.counselorReply).toBeTruthy();
    }
    expect(Object.values(state.calls).every((c) => c.status === "succeeded")).toBe(true);
  });

  it("ignores an event it has already applied", async () => {
    const events = await recordSession();
    const once = events.reduce(applyEvent, initial());
    const finishedTwice = events.filter((e) => e.type !== "call-delta");
    const twice = finishedTwice.reduce(applyEvent, once);
    expect(twice.roundCount).toBe(once.roundCount);
    expect(twice.tokensOut).toBe(once.tokensOut);
    expect(Object.values(twice.calls).map((c) => c.text)).toEqual(
      Object.values(once.calls).map((c) => c.text),
    );
  });
});

describe("live wire format", () => {
  function overWire(events: PipelineEvent[], start: LiveSession) {
    const encoder = new WireEncoder();
    const decoder = new WireDecoder();
    const lines = [encoder.snapshot(start), ...events.map((e) => encoder.event(e))].join("");
    let state = start;
    for (const line of lines.split("\n")) {
      const decoded = decoder.decode(line);
      if (decoded?.kind === "snapshot") state = decoded.state;
      if (decoded?.kind === "event") state = applyEvent(state, decoded.event);
    }
    return { state, bytes: Buffer.byteLength(lines), lines };
  }

  it("sends the plan and the selections' rationales as quotes of text it already streamed", async () => {
    const events = await recordSession();
    const { state, lines } = overWire(events, initial());
    const direct = events.reduce(applyEvent, initial());
    expect(lines).toContain('"planQ":[');
    expect(lines).toContain('"rationaleQ":[');
    expect(lines).toContain('"selectionRationaleQ":[');
    expect(state.plan).toEqual(direct.plan);
    expect(state.rounds.map((r) => r.selection)).toEqual(direct.rounds.map((r) => r.selection));
  });

  it("carries when a person changed a round, so the page shows the time it happened", () => {
    const at = Date.UTC(2026, 10, 29, 22, 40);
    const base = { sessionId: "s1", seq: 1, timestamp: at };
    const events: PipelineEvent[] = [
      {
        ...base,
        type: "steering-applied",
        roundIndex: 1,
        point: "counselor",
        kind: "counselor_edit",
        value: "Hi.",
        by: "Ada",
        interventionId: "i1",
      },
      {
        ...base,
        type: "output-regenerated",
        roundIndex: 1,
        output: "selection",
        value: ["reflection"],
        stale: [],
        by: "Ben",
        interventionId: "i2",
      },
    ];
    const { state } = overWire(events, initial());
    expect(state.interventions.map((i) => [i.userName, i.at])).toEqual([
      ["Ada", "2026-11-29T22:40:00.000Z"],
      ["Ben", "2026-11-29T22:40:00.000Z"],
    ]);
  });

  it("delivers the same state as the events themselves", async () => {
    const events = await recordSession();
    const direct = events.reduce(applyEvent, initial());
    const { state } = overWire(events, initial());
    expect(state.rounds).toEqual(direct.rounds);
    for (const call of Object.values(direct.calls)) expect(state.calls[call.id].text).toBe(call.text);
  });

  it("continues a call that was mid-stream when the snapshot was taken", async () => {
    const events = await recordSession();
    const cut = events.findIndex((e) => e.type === "call-delta") + 3;
    const { state } = overWire(events.slice(cut), events.slice(0, cut).reduce(applyEvent, initial()));
    const direct = events.reduce(applyEvent, initial());
    for (const call of Object.values(direct.calls)) expect(state.calls[call.id].text).toBe(call.text);
  });

  it("keeps bytes on the wire within three times the text produced, streamed word by word", async () => {
    const events = await recordSession(wordByWord(fakeModel({ text: typicalReply })));
    const produced = events
      .filter((e) => e.type === "call-delta")
      .reduce((sum, e) => sum + Buffer.byteLength(e.delta), 0);
    const { bytes } = overWire(events, initial());
    expect(bytes / produced).toBeLessThan(3);
  });
});
