import { SPECIALIST_LABELS, SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import type { JudgeKind } from "@/lib/prompts/judge";
import type { PromptRole } from "@/lib/prompts/template";
import type { SESSION_AGENTS } from "@/lib/sessions/schema";

// The one place agents and prompt roles get their display names: forms, the inspector, the timeline,
// the settings and the prompts page all say "Response generator", never "fuser".

/** The agents whose model a session sets. */
export const AGENT_LABELS: Record<(typeof SESSION_AGENTS)[number], string> = {
  planner: "CBT planner",
  specialist: "Specialists (all five)",
  selector: "Technique selector",
  fuser: "Response generator",
  client: "Simulated client",
  counselor: "Counselor (baseline)",
};

type NamedRole = Exclude<PromptRole, `specialist:${string}`> | "summarizer";

// Typed against the prompt roles, so that a new role fails typecheck until it has a name here.
const ROLE_LABELS: Record<NamedRole, string> = {
  planner: AGENT_LABELS.planner,
  selector: AGENT_LABELS.selector,
  fuser: AGENT_LABELS.fuser,
  client: AGENT_LABELS.client,
  "counselor:cactus": "Counselor (CACTUS baseline)",
  "counselor:psych8k": "Counselor (Psych8k baseline)",
  summarizer: "Session summarizer",
};

const JUDGE_LABELS: Record<JudgeKind, string> = {
  ctrs: "CTRS judge",
  wai: "WAI judge",
  panas_before: "PANAS judge (before)",
  panas_after: "PANAS judge (after)",
};

/** A prompt's or an agent call's role, e.g. "specialist:reflection" → "Reflection specialist"; unknown roles as they are. */
export function roleLabel(role: string): string {
  const technique = SPECIALIST_TECHNIQUES.find((t) => role === `specialist:${t}`);
  if (technique) return `${SPECIALIST_LABELS[technique]} specialist`;
  if (Object.hasOwn(ROLE_LABELS, role)) return ROLE_LABELS[role as NamedRole];
  const judge = role.startsWith("judge:") ? role.slice("judge:".length) : null;
  if (judge && Object.hasOwn(JUDGE_LABELS, judge)) return JUDGE_LABELS[judge as JudgeKind];
  return role;
}
