import { createOpenAI } from "@ai-sdk/openai";
import { APICallError, generateText, streamText } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parsePlan } from "@/lib/pipeline/plan";
import { isRetryable } from "@/lib/pipeline/retry";
import { parseSelection } from "@/lib/pipeline/selection";
import { DEFAULT_FAKE_BEHAVIOUR, type FakeOpenAIServer, startFakeOpenAIServer } from "./fake-openai-server";

let server: FakeOpenAIServer;

beforeAll(async () => {
  server = await startFakeOpenAIServer();
});

afterAll(() => server.close());

beforeEach(() => {
  server.setBehaviour(DEFAULT_FAKE_BEHAVIOUR);
});

const model = () => createOpenAI({ baseURL: server.baseURL, apiKey: "x" }).chat("m");

function messages(role: string) {
  return [
    { role: "system" as const, content: `Role: ${role}\nYou are part of a test.` },
    { role: "user" as const, content: "Client: I keep worrying about work." },
  ];
}

/** Streams one call through the real provider, as the engine does. */
async function stream(role: string) {
  const result = streamText({
    model: model(),
    messages: messages(role),
    allowSystemInMessages: true,
    maxRetries: 0,
    onError: () => {},
  });
  let text = "";
  let error: unknown;
  let finish: { finishReason: string; inputTokens?: number; outputTokens?: number } | undefined;
  try {
    for await (const part of result.stream) {
      if (part.type === "text-delta") text += part.text;
      if (part.type === "error") error = part.error;
      if (part.type === "finish") {
        const { inputTokens, outputTokens } = part.totalUsage;
        finish = { finishReason: part.finishReason, inputTokens, outputTokens };
      }
    }
  } catch (thrown) {
    error = thrown;
  }
  return { text, error, finish, record: server.requests.at(-1) };
}

describe("the fake OpenAI server", () => {
  it("streams SSE that @ai-sdk/openai's chat model reads, paced by latency and token rate", async () => {
    server.setBehaviour({ latencyMs: 100, tokensPerSecond: 50, answerTokens: 6 });
    const { text, error, finish, record } = await stream("specialist:reflection");
    expect(error).toBeUndefined();
    expect(text).toBe("I hear you, it sounds like.");
    expect(finish).toMatchObject({ finishReason: "stop", outputTokens: 6 });
    expect(finish?.inputTokens).toBeGreaterThan(0);
    expect(record).toMatchObject({ role: "specialist:reflection", model: "m", stream: true, fault: null });
    const chunks = record?.chunks ?? [];
    expect(chunks.map((c) => c.kind)).toEqual([...Array(6).fill("content"), "finish", "usage", "done"]);
    const content = chunks.filter((c) => c.kind === "content");
    const first = content[0].at - (record?.receivedAt ?? 0);
    // Timers fire late on a busy machine, and a late one can shorten the next gap; the point is that
    // the latency is kept and tokens are paced, not sent at once. Upper bounds catch only gross errors.
    expect(first).toBeGreaterThanOrEqual(99);
    expect(first).toBeLessThan(1_000);
    // 5 gaps of 20 ms after the first token.
    const pacing = content[5].at - content[0].at;
    expect(pacing).toBeGreaterThanOrEqual(50);
    expect(pacing).toBeLessThan(1_000);
  });

  it("answers non-streaming requests with the whole completion", async () => {
    server.setBehaviour({ answer: () => "Counselor: Plain answer." });
    const result = await generateText({
      model: model(),
      messages: messages("fuser"),
      allowSystemInMessages: true,
      maxRetries: 0,
    });
    expect(result.text).toBe("Counselor: Plain answer.");
    expect(result.finishReason).toBe("stop");
    expect(result.usage.outputTokens).toBe(3);
    expect(server.requests.at(-1)).toMatchObject({ stream: false, role: "fuser" });
  });

  it("writes role-shaped default answers the pipeline's parsers read", async () => {
    const selector = await stream("selector");
    expect(parseSelection(selector.text).techniques).toEqual(["reflection", "questioning"]);
    const planner = await stream("planner");
    expect(parsePlan(planner.text).technique).toBe("Decatastrophizing");
    const client = await stream("client");
    expect(client.text).toMatch(/^I suppose [^[]+\.$/);
    expect(client.text.split(" ")).toHaveLength(12);
  });

  it("answers 429 with retry-after, and 500", async () => {
    server.setBehaviour({
      faults: [
        { fault: "rate-limit", requests: [1], retryAfterSeconds: 7 },
        { fault: "server-error", requests: [2] },
      ],
    });
    const limited = await stream("client");
    expect(APICallError.isInstance(limited.error)).toBe(true);
    expect(limited.error).toMatchObject({ statusCode: 429, responseHeaders: { "retry-after": "7" } });
    const failed = await stream("client");
    expect(failed.error).toMatchObject({ statusCode: 500 });
    expect(isRetryable(limited.error) && isRetryable(failed.error)).toBe(true);
    const fine = await stream("client");
    expect(fine.error).toBeUndefined();
    expect(server.requests.slice(-3).map((r) => [r.status, r.fault])).toEqual([
      [429, "rate-limit"],
      [500, "server-error"],
      [200, null],
    ]);
  });

  it("cuts the connection mid-stream after some tokens", async () => {
    server.setBehaviour({ faults: [{ fault: "drop", requests: [1], dropAfterTokens: 3 }] });
    const dropped = await stream("fuser");
    expect(dropped.text).toBe("I hear you,");
    expect(dropped.error).toBeDefined();
    expect(isRetryable(dropped.error)).toBe(true);
    expect(dropped.record?.chunks.map((c) => c.kind)).toEqual(["content", "content", "content"]);
  });

  it("sends an empty answer that still finishes properly", async () => {
    server.setBehaviour({ faults: [{ fault: "empty", requests: [1] }] });
    const empty = await stream("client");
    expect(empty).toMatchObject({ text: "", error: undefined, finish: { finishReason: "stop" } });
  });

  it("counts request numbers per role and draws probabilities from a seeded RNG", async () => {
    server.setBehaviour({ faults: [{ fault: "server-error", role: "specialist", requests: [2] }] });
    const roles = ["client", "specialist:reflection", "client", "specialist:questioning"];
    const outcomes = [];
    for (const role of roles) outcomes.push((await stream(role)).record?.fault ?? null);
    expect(outcomes).toEqual([null, null, null, "server-error"]);

    const draw = async () => {
      server.setBehaviour({ seed: 42, faults: [{ fault: "empty", probability: 0.5 }] });
      const faults = [];
      for (let i = 0; i < 12; i++) faults.push((await stream("fuser")).record?.fault);
      return faults;
    };
    const first = await draw();
    expect(await draw()).toEqual(first);
    expect(first).toContain("empty");
    expect(first).toContain(null);
  });
});
