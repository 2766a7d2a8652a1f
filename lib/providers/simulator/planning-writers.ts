import {
  CBT_TECHNIQUES,
  type CbtTechnique,
  SPECIALIST_LABELS,
  type SpecialistTechnique,
} from "@/lib/cbt/techniques";
import { keyClause, quoteOf, toSecondPerson } from "./phrasing";
import { historyLines, lastWordsOf, type PromptReading, sectionOf } from "./prompt-reading";
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

export function writePlan(reading: PromptReading, rng: Random): string {
  const reason = sectionOf(reading.user, "reason_counseling") ?? "";
  const opening = lastWordsOf(historyLines(reading), "client");
  const technique =
    TECHNIQUE_CUES.find(([cue]) => cue.test(`${reason} ${opening}`))?.[1] ?? rng.pick(CBT_TECHNIQUES);
  const concern = toSecondPerson(keyClause(reason || opening, 14)) || "what brought the client here";
  return [
    `Technique: ${technique}`,
    "Plan:",
    `1. Explore the client's concern (${concern}) and the automatic thoughts that come with it.`,
    `2. Introduce ${technique} and agree on one recent situation to work with.`,
    `3. Apply ${technique} to that situation together, step by step.`,
    "4. Summarise what changed and plan a small practice task before the next session.",
  ].join("\n");
}

const DISTRESS = /sad|anxious|stress|overwhelm|hopeless|down|scared|hurt|lonely|angry|upset|can't/i;
const ASKING = /\?|how do i|what should|what can i|any advice|help me/i;

export function writeSelection(reading: PromptReading, rng: Random, asJson: boolean): string {
  const lastClient = lastWordsOf(historyLines(reading), "client");
  const chosen = selectTechniques(lastClient, rng);
  const labels = chosen.map((t) => SPECIALIST_LABELS[t]);
  const rationale = `The client just said "${quoteOf(lastClient) || "very little"}", so ${labels.join(" and ").toLowerCase()} fit best right now.`;
  if (asJson) return JSON.stringify({ techniques: chosen, rationale });
  return `Techniques: ${labels.join(", ")}\nRationale: ${rationale}`;
}

function selectTechniques(lastClient: string, rng: Random): SpecialistTechnique[] {
  const chosen = new Set<SpecialistTechnique>();
  if (DISTRESS.test(lastClient))
    chosen.add("reflection").add(rng.pick(["normalization", "reflection"] as const));
  if (ASKING.test(lastClient)) chosen.add(rng.pick(["providing_solutions", "psycho_education"] as const));
  if (chosen.size === 0 || lastClient.split(/\s+/).length < 12) chosen.add("questioning");
  if (chosen.size === 1)
    chosen.add(rng.pick(["reflection", "psycho_education", "providing_solutions"] as const));
  return [...chosen].slice(0, 3);
}
