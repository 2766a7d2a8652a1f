import { DEFAULT_PROMPTS, type PromptSet } from "@/lib/prompts";
import {
  AGENT_KINDS,
  type AgentKind,
  defaultModelRef,
  type ModelRef,
  type ProviderEnv,
  supportsStructuredOutput,
} from "@/lib/providers";
import type { AgentSetup, CallSettings, MethodSwitches, RetryPolicy, SessionConfig } from "./types";

/** From the paper: temperature 0.7 for generation, 0 for the selector, 512 output tokens, 20 rounds. */
export const DEFAULT_CALL_SETTINGS: CallSettings = {
  temperature: 0.7,
  maxOutputTokens: 512,
  timeoutMs: 120_000,
};
export const DEFAULT_MAX_ROUNDS = 20;
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 20_000 };
/** The published method: no departure switched on. */
export const PAPER_SWITCHES: MethodSwitches = { fuseSelectedOnly: false, shortAnswers: false };

export interface SessionConfigOverrides {
  maxRounds?: number;
  minRoundsBeforeEnd?: number;
  switches?: Partial<MethodSwitches>;
  sequential?: boolean;
  models?: Partial<Record<AgentKind, ModelRef>>;
  settings?: Partial<Record<AgentKind, Partial<CallSettings>>>;
  prompts?: Partial<PromptSet>;
  retry?: Partial<RetryPolicy>;
}

/** A complete session config: the environment's defaults, then the overrides. */
export function buildSessionConfig(
  overrides: SessionConfigOverrides = {},
  env: ProviderEnv = process.env,
): SessionConfig {
  const agents = Object.fromEntries(
    AGENT_KINDS.map((agent) => [agent, agentSetup(agent, overrides, env)]),
  ) as Record<AgentKind, AgentSetup>;
  return {
    maxRounds: overrides.maxRounds ?? DEFAULT_MAX_ROUNDS,
    minRoundsBeforeEnd: overrides.minRoundsBeforeEnd ?? 0,
    switches: { ...PAPER_SWITCHES, ...overrides.switches },
    sequential: overrides.sequential ?? false,
    agents,
    prompts: { ...DEFAULT_PROMPTS, ...overrides.prompts },
    retry: { ...DEFAULT_RETRY, ...overrides.retry },
  };
}

function agentSetup(agent: AgentKind, overrides: SessionConfigOverrides, env: ProviderEnv): AgentSetup {
  const model = overrides.models?.[agent] ?? defaultModelRef(agent, env);
  const base: CallSettings =
    agent === "selector"
      ? { ...DEFAULT_CALL_SETTINGS, temperature: 0, structuredOutput: supportsStructuredOutput(model, env) }
      : DEFAULT_CALL_SETTINGS;
  return { model, settings: { ...base, ...overrides.settings?.[agent] } };
}
