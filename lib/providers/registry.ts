import { createOpenAI } from "@ai-sdk/openai";
import { AppError } from "@/lib/errors";
import {
  AGENT_KINDS,
  type AgentKind,
  envFlag,
  envList,
  envNumber,
  envText,
  modelEnvName,
  type ProviderEnv,
} from "./env";
import type { LanguageModelV4 } from "./model-types";
import {
  createOfflineSimulator,
  SIMULATOR_MODEL_ID,
  type SimulatorOptions,
  simulatorModelId,
} from "./simulator/model";

/**
 * - `openai`: the OpenAI API (OPENAI_API_KEY), chat completions.
 * - `openai-compatible`: any chat-completions server at LLM_BASE_URL (vLLM, Ollama, llama.cpp, LM Studio),
 *   with LLM_API_KEY if it wants one.
 * - `offline`: the built-in simulator; always available and the default when nothing is configured.
 */
export const PROVIDERS = ["openai", "openai-compatible", "offline"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export interface ModelRef {
  provider: ProviderName;
  modelId: string;
}

export interface ModelOption extends ModelRef {
  label: string;
}

const OPENAI_FALLBACK_MODELS = ["gpt-4o-mini", "gpt-4o", "gpt-4.1-mini"];

export function isProviderConfigured(provider: ProviderName, env: ProviderEnv = process.env): boolean {
  if (provider === "openai") return envText(env, "OPENAI_API_KEY") !== undefined;
  if (provider === "openai-compatible") return envText(env, "LLM_BASE_URL") !== undefined;
  return true;
}

/** A configured endpoint wins over OpenAI (it was set on purpose); the simulator is the last resort. */
export function defaultProvider(env: ProviderEnv = process.env): ProviderName {
  if (isProviderConfigured("openai-compatible", env)) return "openai-compatible";
  if (isProviderConfigured("openai", env)) return "openai";
  return "offline";
}

/** The model an agent uses unless a session says otherwise: MODEL_<AGENT>, else DEFAULT_MODEL. */
export function defaultModelRef(agent: AgentKind, env: ProviderEnv = process.env): ModelRef {
  const provider = defaultProvider(env);
  if (provider === "offline") return { provider, modelId: SIMULATOR_MODEL_ID };
  const modelId =
    envText(env, modelEnvName(agent)) ?? envText(env, "DEFAULT_MODEL") ?? OPENAI_FALLBACK_MODELS[0];
  return { provider, modelId };
}

export function defaultModelRefs(env: ProviderEnv = process.env): Record<AgentKind, ModelRef> {
  return Object.fromEntries(AGENT_KINDS.map((agent) => [agent, defaultModelRef(agent, env)])) as Record<
    AgentKind,
    ModelRef
  >;
}

/** Turns a model reference into an AI SDK model. Throws AppError("provider") for an unconfigured provider. */
export function resolveModel(ref: ModelRef, env: ProviderEnv = process.env): LanguageModelV4 {
  if (!isProviderConfigured(ref.provider, env)) {
    throw new AppError("provider", `Provider ${ref.provider} is not configured`, [
      { field: "provider", message: "not configured" },
    ]);
  }
  if (ref.provider === "offline")
    return createOfflineSimulator({ ...simulatorOptions(env), modelId: ref.modelId });
  if (ref.provider === "openai") {
    return createOpenAI({ apiKey: envText(env, "OPENAI_API_KEY") }).chat(ref.modelId);
  }
  const compatible = createOpenAI({
    name: "openai-compatible",
    baseURL: envText(env, "LLM_BASE_URL"),
    // The openai client insists on a key; local servers ignore it.
    apiKey: envText(env, "LLM_API_KEY") ?? "not-needed",
  });
  return compatible.chat(ref.modelId);
}

/**
 * Whether to ask this model for JSON with a schema (the selector). Many local chat-completions servers
 * reject or ignore `response_format: json_schema`, so it is opt-in there (LLM_STRUCTURED_OUTPUT=1); the
 * selector's text parser handles whatever comes back either way.
 */
export function supportsStructuredOutput(ref: ModelRef, env: ProviderEnv = process.env): boolean {
  if (ref.provider === "openai-compatible") return envFlag(env, "LLM_STRUCTURED_OUTPUT");
  return true;
}

export function simulatorOptions(env: ProviderEnv = process.env): SimulatorOptions {
  const endRound = envNumber(env, "SIMULATOR_END_ROUND");
  return {
    latencyMs: envNumber(env, "SIMULATOR_LATENCY_MS"),
    tokensPerSecond: envNumber(env, "SIMULATOR_TOKENS_PER_SECOND"),
    endRound: endRound !== undefined && endRound > 0 ? endRound : null,
  };
}

/** The models the UI may offer: per configured provider, the ids named in the environment. */
export function listAvailableModels(env: ProviderEnv = process.env): ModelOption[] {
  const options: ModelOption[] = [];
  const named = [envText(env, "DEFAULT_MODEL"), ...AGENT_KINDS.map((a) => envText(env, modelEnvName(a)))];
  const push = (provider: ProviderName, ids: (string | undefined)[]) => {
    for (const modelId of new Set(ids.filter((id): id is string => id !== undefined))) {
      options.push({ provider, modelId, label: `${modelId} (${provider})` });
    }
  };
  if (isProviderConfigured("openai-compatible", env))
    push("openai-compatible", [...envList(env, "LLM_MODELS"), ...named]);
  if (isProviderConfigured("openai", env)) {
    const openaiNamed = defaultProvider(env) === "openai" ? named : [];
    push("openai", [...envList(env, "OPENAI_MODELS"), ...openaiNamed, ...OPENAI_FALLBACK_MODELS]);
  }
  push("offline", [simulatorModelId()]);
  return options;
}
