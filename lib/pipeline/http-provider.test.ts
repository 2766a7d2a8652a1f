import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveModel } from "@/lib/providers";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "@/lib/testing/fake-openai-server";
import { runSession } from "./engine";
import { MemorySessionStore } from "./memory-store";
import { testConfig, testProfile } from "./testing";

// A fake chat-completions server, as vLLM or Ollama would answer. The first request gets a 429 to
// exercise the engine's retry over real HTTP.

let server: FakeOpenAIServer;

beforeAll(async () => {
  server = await startFakeOpenAIServer({
    faults: [{ fault: "rate-limit", requests: [1] }],
    answer: (request) =>
      request.role === "client"
        ? "Client: I suppose that could help. [/END]"
        : "Counselor: What worries you most about it?",
    usage: () => ({ promptTokens: 42, completionTokens: 7 }),
  });
});

afterAll(() => server.close());

describe("an OpenAI-compatible endpoint through the registry", () => {
  it("runs a baseline session over HTTP, retrying a 429", async () => {
    const env = { LLM_BASE_URL: server.baseURL, DEFAULT_MODEL: "local-model" };
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
    const { requests } = server;
    expect(requests[1]).toMatchObject({ model: "local-model", stream: true });
    expect(requests[1].messages.map((m) => m.role)).toEqual(["system", "user"]);
  });
});

describe("the selector's structured output over HTTP", () => {
  it("asks only the selector for JSON with a schema, and the round takes the techniques it answers", async () => {
    const json = await startFakeOpenAIServer({
      answer: (request) =>
        request.role === "selector"
          ? JSON.stringify({ rationale: "Facts first.", techniques: ["psycho_education"] })
          : "Counselor: What worries you most about it?",
    });
    try {
      const env = { LLM_BASE_URL: json.baseURL, DEFAULT_MODEL: "local-model" };
      const ref = { provider: "openai-compatible" as const, modelId: "local-model" };
      const models = { planner: ref, specialist: ref, selector: ref, fuser: ref, client: ref };
      const config = testConfig({ maxRounds: 1, models, settings: { selector: { structuredOutput: true } } });
      const store = new MemorySessionStore();
      await runSession({
        sessionId: "json",
        profile: testProfile,
        variant: "magnet",
        config,
        store,
        models: (r) => resolveModel(r, env),
      });
      const byRole = (role: string) => json.requests.filter((r) => r.role === role);
      expect(
        byRole("selector").map((r) => [r.json, (r.body.response_format as { type: string }).type]),
      ).toEqual([[true, "json_schema"]]);
      expect(json.requests.filter((r) => r.role !== "selector").some((r) => r.json)).toBe(false);
      expect(store.session("json").rounds[0].selectedTechniques).toEqual(["psycho_education"]);
    } finally {
      await json.close();
    }
  });
});
