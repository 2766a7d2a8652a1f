import { SPECIALIST_LABELS } from "@/lib/cbt/techniques";
import { techniquesIn } from "@/lib/pipeline/selection";
import { feelingIn, firstSentence, keyClause, lowerFirst, quoteOf, toSecondPerson } from "./phrasing";
import { candidatesIn, historyLines, lastWordsOf, type PromptReading, sectionOf } from "./prompt-reading";
import type { Random } from "./random";

// The counselor side: the five specialists, the fuser and the baseline counselors.

interface Grounding {
  /** The client's last words, turned to the second person ("you feel ..."). */
  mirrored: string;
  /** A short verbatim quote of those words. */
  quote: string;
  feeling: string;
  technique: string | null;
}

function groundingOf(reading: PromptReading): Grounding {
  const lastClient = lastWordsOf(historyLines(reading), "client");
  const clause = keyClause(lastClient) || "things have been difficult lately";
  const plan = sectionOf(reading.user, "plan") ?? "";
  return {
    mirrored: lowerFirst(toSecondPerson(clause)),
    quote: quoteOf(lastClient) || clause,
    feeling: feelingIn(lastClient) ?? "weighed down",
    technique: plan.match(/CBT technique:\s*(.+)/)?.[1]?.trim() ?? null,
  };
}

export function writeReflection(reading: PromptReading, rng: Random): string {
  const g = groundingOf(reading);
  return rng.pick([
    `It sounds like ${g.mirrored}, and that has been weighing on you.`,
    `What I'm hearing is that ${g.mirrored}. That sounds like a lot to carry.`,
    `So ${g.mirrored}, and it makes sense that you feel ${g.feeling} about it.`,
  ]);
}

export function writeQuestion(reading: PromptReading, rng: Random): string {
  const g = groundingOf(reading);
  return rng.pick([
    `When you say "${g.quote}", what goes through your mind in that moment?`,
    `You mentioned "${g.quote}". What makes that feel so true for you right now?`,
    `What do you notice in yourself, in your thoughts and your body, when ${g.mirrored}?`,
  ]);
}

const SMALL_STEPS = [
  "write the thought down and list one piece of evidence for it and one against it",
  "pause for five minutes and notice what you are telling yourself",
  "break the situation into one small piece you could handle today",
  "talk it over with someone you trust and see how they view it",
];

export function writeSolution(reading: PromptReading, rng: Random): string {
  const g = groundingOf(reading);
  return `One small step could be to ${rng.pick(SMALL_STEPS)} the next time ${g.mirrored}. Would you be willing to try that this week?`;
}

export function writeNormalization(reading: PromptReading, rng: Random): string {
  const g = groundingOf(reading);
  return rng.pick([
    `Feeling ${g.feeling} when ${g.mirrored} is something many people go through; it doesn't mean anything is wrong with you.`,
    `A lot of people in your position would feel the same way. It's an understandable reaction when ${g.mirrored}.`,
  ]);
}

export function writePsychoEducation(reading: PromptReading, rng: Random): string {
  const g = groundingOf(reading);
  const tail = g.technique
    ? ` ${g.technique} is one way we can look at that thought together.`
    : " Noticing the thought is the first step toward testing it.";
  return `${rng.pick([
    `In CBT we look at how a thought like "${g.quote}" shapes how we feel and what we do, which can keep us stuck in a loop.`,
    `Thoughts, feelings and actions feed each other, so a thought like "${g.quote}" can pull your mood and your choices along with it.`,
  ])}${tail}`;
}

/**
 * Weaves candidates together, the first sentence of each in the order given: those of the techniques
 * the selector's answer names when there is one (and names any), otherwise all of them.
 */
export function writeFusion(reading: PromptReading, rng: Random): string {
  const candidates = candidatesIn(sectionOf(reading.user, "candidates") ?? reading.user);
  if (candidates.length === 0) return writeReflection(reading, rng);
  const answer = sectionOf(reading.user, "selector_answer");
  const chosen = answer ? techniquesIn(answer).map((t) => SPECIALIST_LABELS[t]) : [];
  const fused = chosen.length ? candidates.filter((c) => chosen.includes(c.technique)) : candidates;
  return (fused.length ? fused : candidates).map((c) => firstSentence(c.text)).join(" ");
}

export function writeCounselor(reading: PromptReading, rng: Random, withPlan: boolean): string {
  const g = groundingOf(reading);
  const plan =
    withPlan && g.technique
      ? ` Following our plan, let's use ${g.technique} to look at it more closely.`
      : "";
  return `${writeReflection(reading, rng)}${plan} ${writeQuestion(reading, rng)}`;
}
