import { describe, expect, it } from "vitest";
import { WireDecoder, WireEncoder } from "@/lib/live/live-wire";
import { DEFAULT_FAKE_BEHAVIOUR, type FakeChatRequest } from "@/lib/testing/fake-openai-server";
import { figuresByRound } from "./live-figures";
import { percentile } from "./report";
import type { ReceivedLine } from "./stream-client";
import { markersOf, uniqueAnswer } from "./unique-answer";

const request = (role: string): FakeChatRequest => ({
  number: 1,
  role,
  model: "m",
  stream: true,
  json: false,
  messages: [],
  body: {},
});

describe("uniqueAnswer", () => {
  it("marks every filler word with a new number and leaves the parsed head alone", () => {
    const behaviour = { ...DEFAULT_FAKE_BEHAVIOUR, answerTokens: 8 };
    const selector = uniqueAnswer(request("selector"), behaviour);
    const client = uniqueAnswer(request("client"), behaviour);
    expect(selector).toMatch(/^Techniques: reflection, questioning\nRationale: it~\d+ /);
    const markers = [...markersOf(selector), ...markersOf(client)];
    expect(new Set(markers).size).toBe(markers.length);
    expect(markers.length).toBeGreaterThan(6);
  });
});

describe("figuresByRound", () => {
  it("puts each line in its call's round and matches marked tokens to their write time", () => {
    const encoder = new WireEncoder();
    const base = { sessionId: "s", seq: 0, timestamp: 0 };
    const lines: ReceivedLine[] = [];
    const push = (at: number, text: string) =>
      lines.push({ at, bytes: Buffer.byteLength(text), socketBytes: 0, text: text.trimEnd(), decoded: null });
    const started = { ...base, type: "call-started", provider: "p", modelId: "m", attempt: 1 } as const;
    push(0, encoder.event({ ...started, callId: "a", role: "planner", roundIndex: null }));
    push(5, encoder.event({ ...base, type: "round-started", roundIndex: 1 }));
    push(6, encoder.event({ ...started, callId: "b", role: "client", roundIndex: 1 }));
    push(12, encoder.event({ ...base, type: "call-delta", callId: "a", delta: " late~1" }));
    push(14, encoder.event({ ...base, type: "call-delta", callId: "b", delta: " word~2" }));
    const decoder = new WireDecoder();
    for (const line of lines) line.decoded = decoder.decode(line.text);

    const figures = figuresByRound(
      lines,
      new Map([
        [1, 10],
        [2, 11],
      ]),
    );
    expect(figures.map((f) => [f.round, f.overheadsMs, f.textBytes])).toEqual([
      [0, [2], 7],
      [1, [3], 7],
    ]);
  });
});

describe("percentile", () => {
  it("takes the nearest rank", () => {
    expect(percentile([5, 1, 4, 2, 3], 95)).toBe(5);
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
  });
});
