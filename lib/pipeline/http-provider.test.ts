import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveModel } from "@/lib/providers";
import { runSession } from "./engine";
import { MemorySessionStore } from "./memory-store";
import { testConfig, testProfile } from "./testing";

// A fake chat-completions server, as vLLM or Ollama would answer: SSE chunks, then [DONE]. The first
// request gets a 429 to exercise the engine's retry over real HTTP.

interface ChatRequest {
  model: string;
  stream: boolean;
  messages: { role: string; content: string }[];
}

let server: Server;
let baseURL = "";
const requests: ChatRequest[] = [];

function sse(res: import("node:http").ServerResponse, text: string) {
  res.writeHead(200, { "content-type": "text/event-stream" });
  const chunk = (body: object) => res.write(`data: ${JSON.stringify(body)}\n\n`);
  for (const word of text.split(/(?<= )/)) {
    chunk({
      id: "c1",
      object: "chat.completion.chunk",
      created: 1,
      model: "m",
      choices: [{ index: 0, delta: { content: word }, finish_reason: null }],
    });
  }
  chunk({
    id: "c1",
    object: "chat.completion.chunk",
    created: 1,
    model: "m",
    choices: [{ index: 0, delta: {}, finish_reason: "stop" }],
  });
  chunk({
    id: "c1",
    object: "chat.completion.chunk",
    created: 1,
    model: "m",
    choices: [],
    usage: { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 },
  });
  res.end("data: [DONE]\n\n");
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const request = JSON.parse(body) as ChatRequest;
      requests.push(request);
      if (requests.length === 1) {
        res.writeHead(429, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: "slow down", type: "rate_limit" } }));
        return;
      }
      const role = request.messages[0].content.match(/^Role: (\S+)/)?.[1];
      sse(
        res,
        role === "client"
          ? "Client: I suppose that could help. [/END]"
          : "Counselor: What worries you most about it?",
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("an OpenAI-compatible endpoint through the registry", () => {
  it("runs a baseline session over HTTP, retrying a 429", async () => {
    const env = { LLM_BASE_URL: baseURL, DEFAULT_MODEL: "local-model" };
    const store = new MemorySessionStore();
    const ref = { provider: "openai-compatible" as const, modelId: "local-model" };
    const outcome = await runSession({
      sessionId: "http",
      profile: testProfile,
      variant: "psych8k_baseline",
      config: testConfig({ maxRounds: 3, models: { counselor: ref, client: ref } }),
      store,
      models: (r) => resolveModel(r, env),
    });
    expect(outcome).toMatchObject({ status: "ended_by_client", roundsCompleted: 1 });
    expect(store.session("http").rounds[0]).toMatchObject({
      counselorReply: "What worries you most about it?",
      clientReply: "I suppose that could help.",
    });
    const calls = store.session("http").calls;
    expect(calls.map((c) => [c.role, c.attempt, c.status])).toEqual([
      ["counselor:psych8k", 1, "failed"],
      ["counselor:psych8k", 2, "succeeded"],
      ["client", 1, "succeeded"],
    ]);
    expect(calls[1]).toMatchObject({
      provider: "openai-compatible",
      modelId: "local-model",
      tokensIn: 42,
      tokensOut: 7,
    });
    expect(requests[1]).toMatchObject({ model: "local-model", stream: true });
    expect(requests[1].messages.map((m) => m.role)).toEqual(["system", "user"]);
  });
});
