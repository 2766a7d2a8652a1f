import {
  type CandidateText,
  type DialogueMessage,
  formatCandidates,
  formatHistory,
  formatPlan,
  formatTechniqueList,
  formatTechniqueOptions,
  lengthGuidance,
  type PromptRole,
  type PromptVariables,
} from "@/lib/prompts";
import type { PlanRecord, ProfileSnapshot, SessionConfig } from "./types";

// What each agent sees, as the method publishes it. The engine passes a prompt exactly these values;
// an input a variant lacks (no plan, no selector) is left out, and the template's optional block for it
// disappears.

/** What the agents of one turn may draw on. */
export interface SessionView {
  profile: ProfileSnapshot;
  dialogue: DialogueMessage[];
  plan: PlanRecord | null;
}

const planOf = (view: SessionView) => (view.plan ? { plan: formatPlan(view.plan) } : {});
const historyOf = (view: SessionView) => ({ history: formatHistory(view.dialogue) });
const intakeOf = (view: SessionView) => ({
  client_information: view.profile.clientInformation,
  reason_counseling: view.profile.reasonForCounseling,
});
const short = (config: SessionConfig) => config.switches.shortAnswers;

/** Client information, reason for counseling and the client's first utterance; not the dialogue. */
export function plannerInputs(view: SessionView, config: SessionConfig): PromptVariables {
  return {
    ...intakeOf(view),
    first_utterance: view.profile.openingClient,
    technique_list: formatTechniqueList(),
    ...lengthGuidance("planner", short(config)),
  };
}

/** Client information, reason and dialogue; no plan. */
export function specialistInputs(view: SessionView, config: SessionConfig): PromptVariables {
  return { ...intakeOf(view), ...historyOf(view), ...lengthGuidance("specialist", short(config)) };
}

/** The plan (when the variant has a planner) and the dialogue; no client information. */
export function selectorInputs(view: SessionView): PromptVariables {
  return { ...planOf(view), ...historyOf(view), technique_options: formatTechniqueOptions() };
}

/**
 * The candidates and the selector's answer as written. Without a selector the fuser sees the plan (if
 * any) and the dialogue instead; with one it sees neither, nor the client information.
 */
export function fuserInputs(
  view: SessionView,
  candidates: readonly CandidateText[],
  selectorAnswer: string | null,
  config: SessionConfig,
): PromptVariables {
  const context = selectorAnswer === null ? { ...planOf(view), ...historyOf(view) } : {};
  return {
    candidates: formatCandidates(candidates),
    ...(selectorAnswer === null ? {} : { selector_answer: selectorAnswer }),
    ...context,
    ...lengthGuidance("fuser", short(config)),
  };
}

/** CACTUS: client information, reason, plan and dialogue. Psych8k: the dialogue only. */
export function baselineInputs(
  view: SessionView,
  style: "cactus" | "psych8k",
  config: SessionConfig,
): PromptVariables {
  const seen = style === "cactus" ? { ...intakeOf(view), ...planOf(view) } : {};
  return { ...seen, ...historyOf(view), ...lengthGuidance("counselor", short(config)) };
}

/** The intake form, the attitude, the dialogue and how many rounds the session runs for. */
export function clientInputs(view: SessionView, config: SessionConfig): PromptVariables {
  const { profile } = view;
  return {
    attitude: profile.attitude,
    attitude_instruction: profile.attitudeInstruction,
    intake_form: profile.intakeText,
    ...historyOf(view),
    max_rounds: String(config.maxRounds),
    ...lengthGuidance("client", short(config)),
  };
}

/**
 * Only in a follow-up session: the summary of the client's previous session, for the agents that know
 * the client (planner, specialists, baseline counselors) and for the client, who remembers it. The
 * selector and the fuser judge and join this turn's drafts and see no more than in the method. Null in
 * a first session, whose prompts stay exactly as they were.
 */
export function previousSessionInput(
  role: PromptRole,
  config: Pick<SessionConfig, "previousSession">,
): string | null {
  if (!config.previousSession || role === "selector" || role === "fuser") return null;
  return config.previousSession;
}
