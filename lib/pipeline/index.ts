export type { SessionView } from "./agents";
export { CallCancelledError, type ModelResolver } from "./call";
export { cleanOutput } from "./clean";
export { END_MARKER, parseClientReply } from "./client-reply";
export {
  buildSessionConfig,
  DEFAULT_CALL_SETTINGS,
  DEFAULT_MAX_ROUNDS,
  DEFAULT_RETRY,
  PAPER_SWITCHES,
  type SessionConfigOverrides,
} from "./config";
export {
  contextOf,
  dialogueOf,
  runNextRound,
  runSession,
  type SessionOutcome,
  type SessionRun,
} from "./engine";
export * from "./events";
export { MemorySessionStore } from "./memory-store";
export { type ParsedPlan, parsePlan } from "./plan";
export * from "./regenerate";
export { isRetryable } from "./retry";
export {
  callSettingsSchema,
  modelRefSchema,
  profileSnapshotSchema,
  promptTemplateSchema,
  sessionConfigSchema,
  variantSchema,
} from "./schema";
export { parseSelection, type Selection, selectionSchema } from "./selection";
export * from "./steering";
export type { SessionProgress, SessionStore, StatusUpdate } from "./store";
export { departuresOf, SWITCH_INFO, type SwitchInfo } from "./switches";
export * from "./types";
export { VARIANT_SHAPES, type VariantShape } from "./variants";
