export { AGENT_KINDS, type AgentKind, modelEnvName, type ProviderEnv } from "./env";
export type { LanguageModelV4 } from "./model-types";
export {
  defaultModelRef,
  defaultModelRefs,
  defaultProvider,
  isProviderConfigured,
  listAvailableModels,
  type ModelOption,
  type ModelRef,
  PROVIDERS,
  type ProviderName,
  resolveModel,
  simulatorOptions,
  supportsStructuredOutput,
} from "./registry";
export {
  createOfflineSimulator,
  SIMULATOR_DEFAULTS,
  SIMULATOR_MODEL_ID,
  SIMULATOR_PROVIDER,
  type SimulatorOptions,
} from "./simulator/model";
