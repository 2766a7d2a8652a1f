import { DEFAULT_CALL_SETTINGS } from "@/lib/pipeline/config";
import type { AgentSetup } from "@/lib/pipeline/types";
import { defaultProvider, type ModelRef } from "@/lib/providers";
import type { ProviderEnv } from "@/lib/providers/env";
import { SIMULATOR_MODEL_ID } from "@/lib/providers/simulator/model";

/** The paper's judge. */
export const PAPER_JUDGE_MODEL = "gpt-4o";

/** --judge-model, else MODEL_JUDGE, else GPT-4o on a configured provider; the simulator when none is. */
export function judgeModelRef(modelId: string | undefined, env: ProviderEnv = process.env): ModelRef {
  const provider = defaultProvider(env);
  const id = modelId ?? env.MODEL_JUDGE ?? PAPER_JUDGE_MODEL;
  if (provider === "offline" || id.includes(SIMULATOR_MODEL_ID))
    return { provider: "offline", modelId: SIMULATOR_MODEL_ID };
  return { provider, modelId: id };
}

/** Temperature 0 as in the official evaluation; room for a few sentences of reasons. */
export function judgeSetup(model: ModelRef): AgentSetup {
  return { model, settings: { ...DEFAULT_CALL_SETTINGS, temperature: 0, maxOutputTokens: 400 } };
}
