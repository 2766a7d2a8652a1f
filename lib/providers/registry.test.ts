import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  defaultModelRef,
  defaultProvider,
  listAvailableModels,
  resolveModel,
  supportsStructuredOutput,
} from "./registry";

describe("provider registry", () => {
  it("defaults to the offline simulator when nothing is configured", () => {
    expect(defaultProvider({})).toBe("offline");
    expect(defaultModelRef("planner", { MODEL_PLANNER: "ignored" })).toEqual({
      provider: "offline",
      modelId: "offline-simulator",
    });
    const model = resolveModel({ provider: "offline", modelId: "offline-simulator" }, {});
    expect(model.modelId).toContain("offline-simulator");
    expect(resolveModel({ provider: "offline", modelId: "fast" }, {}).modelId).toBe("offline-simulator/fast");
  });

  it("uses OpenAI when a key is set, with per-agent model ids", () => {
    const env = { OPENAI_API_KEY: "sk-test", DEFAULT_MODEL: "gpt-4o-mini", MODEL_SELECTOR: "gpt-4o" };
    expect(defaultProvider(env)).toBe("openai");
    expect(defaultModelRef("selector", env)).toEqual({ provider: "openai", modelId: "gpt-4o" });
    expect(defaultModelRef("client", env)).toEqual({ provider: "openai", modelId: "gpt-4o-mini" });
    const model = resolveModel({ provider: "openai", modelId: "gpt-4o" }, env);
    expect(model.provider).toMatch(/^openai\.chat/);
    expect(model.modelId).toBe("gpt-4o");
  });

  it("prefers a configured compatible endpoint", () => {
    const env = {
      OPENAI_API_KEY: "sk-test",
      LLM_BASE_URL: "http://127.0.0.1:8000/v1",
      DEFAULT_MODEL: "qwen",
    };
    expect(defaultProvider(env)).toBe("openai-compatible");
    const model = resolveModel({ provider: "openai-compatible", modelId: "qwen" }, env);
    expect(model.provider).toMatch(/^openai-compatible/);
    expect(supportsStructuredOutput({ provider: "openai-compatible", modelId: "qwen" }, env)).toBe(false);
    expect(
      supportsStructuredOutput(
        { provider: "openai-compatible", modelId: "qwen" },
        { ...env, LLM_STRUCTURED_OUTPUT: "1" },
      ),
    ).toBe(true);
  });

  it("refuses an unconfigured provider", () => {
    expect(() => resolveModel({ provider: "openai", modelId: "gpt-4o" }, {})).toThrowError(AppError);
  });

  it("lists the models of configured providers, the simulator always", () => {
    expect(listAvailableModels({})).toEqual([
      { provider: "offline", modelId: "offline-simulator", label: "offline-simulator (offline)" },
    ]);
    const models = listAvailableModels({
      LLM_BASE_URL: "http://x/v1",
      LLM_MODELS: "a, b",
      MODEL_CLIENT: "c",
    });
    expect(models.map((m) => `${m.provider}:${m.modelId}`)).toEqual([
      "openai-compatible:a",
      "openai-compatible:b",
      "openai-compatible:c",
      "offline:offline-simulator",
    ]);
  });
});
