import { SPECIALIST_LABELS, SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import type { SESSION_AGENTS } from "@/lib/sessions/schema";

// The one place agents and prompt roles get their display names: forms, the inspector and the
// timeline all say "Response generator", never "fuser".

/** The agents whose model a session sets. */
export const AGENT_LABELS: Record<(typeof SESSION_AGENTS)[number], string> = {
  planner: "CBT planner",
  specialist: "Specialists (all five)",
  selector: "Technique selector",
  fuser: "Response generator",
  client: "Simulated client",
  counselor: "Counselor (baseline)",
};

const ROLE_LABELS: Record<string, string> = {
  planner: AGENT_LABELS.planner,
  selector: AGENT_LABELS.selector,
  fuser: AGENT_LABELS.fuser,
  client: AGENT_LABELS.client,
  "counselor:cactus": "Counselor (CACTUS baseline)",
  "counselor:psych8k": "Counselor (Psych8k baseline)",
};

/** A prompt's or an agent call's role, e.g. "specialist:reflection" → "Reflection specialist"; unknown roles as they are. */
export function roleLabel(role: string): string {
  const technique = SPECIALIST_TECHNIQUES.find((t) => role === `specialist:${t}`);
  if (technique) return `${SPECIALIST_LABELS[technique]} specialist`;
  return ROLE_LABELS[role] ?? role;
}
