export {
  renderSummarizerPrompt,
  SUMMARIZER_PROMPT_VERSION,
  SUMMARIZER_ROLE,
  type SummarizerInput,
  withPreviousSession,
} from "./follow-up";
export { DEFAULT_PROMPTS, PROMPT_ROLES, type PromptSet } from "./registry";
export {
  type CallRole,
  type JudgeRole,
  PROMPT_VARIABLE_DOCS,
  type PromptRole,
  type PromptTemplate,
  type PromptVariable,
  type PromptVariables,
  placeholdersIn,
  type RenderedPrompt,
  renderPrompt,
  roleMarker,
  templateFromText,
  templateToText,
} from "./template";
export * from "./values";
