import {
  CBT_TECHNIQUES,
  type CbtTechnique,
  SPECIALIST_LABELS,
  type SpecialistTechnique,
} from "@/lib/cbt/techniques";
import { keyClause, quoteOf, toSecondPerson } from "./phrasing";
import {
  asksForShortAnswer,
  historyLines,
  lastWordsOf,
  type PromptReading,
  sectionOf,
} from "./prompt-reading";
import type { Random } from "./random";

// The planner and the selector.

const TECHNIQUE_CUES: [RegExp, CbtTechnique][] = [
  [/worst|disaster|catastroph|terrible will happen/i, "Decatastrophizing"],
  [/\bshould\b|\bmust\b|have to be/i, "Changing Rules to Wishes"],
  [/avoid|fear|panic|phobia|afraid/i, "Systematic Exposure"],
  [/decide|decision|choice/i, "Pros and Cons Analysis"],
  [/blame|fault|responsib/i, "Pie Chart Technique"],
  [/always|never|complete failure|all or nothing/i, "Continuum Technique"],
  [/fail|worthless|not good enough|can't/i, "Evidence-Based Questioning"],
  [/problem|overwhelm|too much/i, "Problem-Solving Skills Training"],
];

/**
 * A technique chosen from the reason for counseling and the client's first words, then a plan: over
 * several sessions, as published plans tend to be, or four steps when the prompt asks for a short one.
 */
export function writePlan(reading: PromptReading, rng: Random): string {
  const reason = sectionOf(reading.user, "reason_counseling") ?? "";
  const opening = sectionOf(reading.user, "first_utterance") ?? lastWordsOf(historyLines(reading), "client");
  const technique =
    TECHNIQUE_CUES.find(([cue]) => cue.test(`${reason} ${opening}`))?.[1] ?? rng.pick(CBT_TECHNIQUES);
  const concern = toSecondPerson(keyClause(reason || opening, 14)) || "what brought the client here";
  const firstSession = [
    `1. Explore the client's concern (${concern}) and the automatic thoughts that come with it.`,
    `2. Introduce ${technique} and agree on one recent situation to work with.`,
    `3. Apply ${technique} to that situation together, step by step.`,
    "4. Summarise what changed and plan a small practice task before the next session.",
  ];
  if (asksForShortAnswer(reading)) return [`Technique: ${technique}`, "Plan:", ...firstSession].join("\n");
  return [
    `Technique: ${technique}`,
    "Plan:",
    "Session 1",
    ...firstSession,
    "",
    "Session 2",
    "1. Review the practice task and what the client noticed while doing it.",
    `2. Apply ${technique} to a harder situation the client brings.`,
    "3. Look back at the original belief and rate how strongly the client holds it now.",
    "4. Agree on how the client will keep using the technique on their own.",
  ].join("\n");
}

const DISTRESS = /sad|anxious|stress|overwhelm|hopeless|down|scared|hurt|lonely|angry|upset|can't/i;
const ASKING = /\?|how do i|what should|what can i|any advice|help me/i;

type Stage = "explore" | "normalize" | "solve";

const STAGE_TECHNIQUES: Record<Stage, SpecialistTechnique[]> = {
  explore: ["reflection", "questioning"],
  normalize: ["normalization", "reflection"],
  solve: ["providing_solutions", "psycho_education"],
};

const STAGE_WORDS: Record<Stage, string> = {
  explore: "we are still exploring and understanding the situation",
  normalize: "the client has told their story and needs to hear that the reaction is normal",
  solve: "the session has reached the point for solutions and psycho-education",
};

/** Follows the usual arc of a session (explore, normalize, then solve), adjusted to the client's words. */
export function writeSelection(reading: PromptReading, rng: Random, asJson: boolean): string {
  const lines = historyLines(reading);
  const lastClient = lastWordsOf(lines, "client");
  const stage = stageOf(lines.filter((l) => l.speaker === "counselor").length);
  const chosen = selectTechniques(stage, lastClient, rng);
  const labels = chosen.map((t) => SPECIALIST_LABELS[t]);
  const rationale = `The client just said "${quoteOf(lastClient) || "very little"}" and ${STAGE_WORDS[stage]}, so ${labels.join(" and ").toLowerCase()} fit best right now.`;
  if (asJson) return JSON.stringify({ techniques: chosen, rationale });
  return `Techniques: ${chosen.join(", ")}\nReasoning: ${rationale}`;
}

function stageOf(counselorTurns: number): Stage {
  if (counselorTurns <= 3) return "explore";
  return counselorTurns <= 6 ? "normalize" : "solve";
}

function selectTechniques(stage: Stage, lastClient: string, rng: Random): SpecialistTechnique[] {
  const chosen = new Set<SpecialistTechnique>(STAGE_TECHNIQUES[stage]);
  if (DISTRESS.test(lastClient)) chosen.add(rng.pick(["reflection", "normalization"] as const));
  if (ASKING.test(lastClient)) chosen.add(rng.pick(["providing_solutions", "psycho_education"] as const));
  return [...chosen];
}
