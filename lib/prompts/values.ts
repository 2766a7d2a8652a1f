import {
  CBT_TECHNIQUES,
  SPECIALIST_LABELS,
  SPECIALIST_TECHNIQUES,
  type SpecialistTechnique,
} from "@/lib/cbt/techniques";

// How engine data becomes prompt text. The offline simulator reads these shapes back, so they are defined
// once, here.

export type Speaker = "counselor" | "client";

export interface DialogueMessage {
  role: Speaker;
  message: string;
}

const SPEAKER_LABEL: Record<Speaker, string> = { counselor: "Counselor", client: "Client" };

/** One message per line: `Counselor: ...` / `Client: ...` (inner line breaks become spaces). */
export function formatHistory(dialogue: readonly DialogueMessage[]): string {
  return dialogue
    .map((m) => `${SPEAKER_LABEL[m.role]}: ${m.message.replace(/\s*\n\s*/g, " ").trim()}`)
    .join("\n");
}

export function formatTechniqueList(): string {
  return CBT_TECHNIQUES.map((t) => `- ${t}`).join("\n");
}

const SPECIALIST_DESCRIPTIONS: Record<SpecialistTechnique, string> = {
  reflection: "mirror the client's words and feelings back to them",
  questioning: "ask open questions that help the client explore",
  providing_solutions: "suggest a concrete step or coping strategy",
  normalization: "reassure the client that their reaction is common and understandable",
  psycho_education: "explain a CBT idea that makes sense of the client's experience",
};

/** Numbered 1-5 in SPECIALIST_TECHNIQUES order; the selector parser maps bare numbers by this order. */
export function formatTechniqueOptions(): string {
  return SPECIALIST_TECHNIQUES.map(
    (t, i) => `${i + 1}. ${t} (${SPECIALIST_LABELS[t]}): ${SPECIALIST_DESCRIPTIONS[t]}`,
  ).join("\n");
}

export interface CandidateText {
  technique: SpecialistTechnique;
  text: string;
}

/** Labelled by technique, always in the fixed order of the five, whatever order they finished in. */
export function formatCandidates(candidates: readonly CandidateText[]): string {
  const order = (c: CandidateText) => SPECIALIST_TECHNIQUES.indexOf(c.technique);
  return [...candidates]
    .sort((a, b) => order(a) - order(b))
    .map((c) => `<candidate technique="${SPECIALIST_LABELS[c.technique]}">\n${c.text.trim()}\n</candidate>`)
    .join("\n");
}

export function formatPlan(plan: { technique: string | null; techniqueRaw: string; plan: string }): string {
  return `CBT technique: ${plan.technique ?? plan.techniqueRaw}\n${plan.plan.trim()}`;
}

/** Who gets which short-answer request when a session turns the short-answers switch on. */
export type GuidedAgent = "planner" | "specialist" | "fuser" | "counselor" | "client";

// Our own departure from the paper (whose prompts set no length): the caps of the studio's first design.
const SHORT_ANSWER_GUIDANCE: Record<GuidedAgent, string> = {
  planner: "Keep the plan short: three to five numbered steps.",
  specialist: "Keep it short: one to three sentences.",
  fuser: "Keep it short: at most four sentences, with at most one question.",
  counselor: "Keep it short: one to four sentences.",
  client: "Keep your reply short: one to four sentences.",
};

/** The {{length_guidance}} value: the agent's short-answer request when asked for, otherwise none. */
export function lengthGuidance(agent: GuidedAgent, shortAnswers: boolean): { length_guidance?: string } {
  return shortAnswers ? { length_guidance: SHORT_ANSWER_GUIDANCE[agent] } : {};
}
