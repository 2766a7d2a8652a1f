import { firstSentence, intakeSection } from "./phrasing";
import { historyLines, lastWordsOf, type PromptReading, sectionOf } from "./prompt-reading";
import type { Random } from "./random";

export type Attitude = "positive" | "neutral" | "negative";

const OPENERS: Record<Attitude, string[]> = {
  positive: [
    "That makes sense, and I appreciate you asking.",
    "Yes, I think I follow you.",
    "That's helpful to hear.",
  ],
  neutral: ["I suppose so.", "Maybe.", "I'm not sure, to be honest."],
  negative: [
    "I don't really see how that helps.",
    "I've heard that kind of thing before.",
    "I guess, but it's not that simple.",
  ],
};

const CLOSERS: Record<Attitude, string[]> = {
  positive: ["I'd like to try that and tell you how it goes.", "I feel a bit more hopeful already."],
  neutral: ["I can think about it.", "We'll see whether it changes anything."],
  negative: ["I'm not convinced it will make a difference.", "Honestly, I've tried things like this before."],
};

const QUESTIONS_BACK: Record<Attitude, string[]> = {
  positive: ["What do you think I could try first?", "Is that something we could work on together?"],
  neutral: ["What would you suggest?", "Where do we go from here?"],
  negative: ["So what am I supposed to do about it?", "What difference would that make?"],
};

const GOODBYES: Record<Attitude, string> = {
  positive: "Thank you, this really helped. I think that's a good place to stop for today.",
  neutral: "Okay, I think that's enough for today.",
  negative: "I think I'm done for today.",
};

export interface ClientWriting {
  /** Counseling rounds after the opening exchange from which the client says goodbye; null = never. */
  endRound: number | null;
}

/** Answers in the given attitude, about the intake form's presenting problem, and says goodbye on cue. */
export function writeClient(reading: PromptReading, rng: Random, options: ClientWriting): string {
  const attitude = attitudeOf(reading.system);
  const lines = historyLines(reading);
  const round = Math.max(1, lines.filter((l) => l.speaker === "counselor").length - 1);
  const detail = problemDetail(reading, round);
  const reply = `${rng.pick(OPENERS[attitude])} ${detail} ${rng.pick(CLOSERS[attitude])}`;
  if (options.endRound !== null && round >= options.endRound) return `${reply} ${GOODBYES[attitude]} [/END]`;
  // A counselor who asked nothing gets a question back, as real clients tend to do.
  const asked = lastWordsOf(lines, "counselor").includes("?");
  return asked || rng.next() < 0.5 ? reply : `${reply} ${rng.pick(QUESTIONS_BACK[attitude])}`;
}

function attitudeOf(system: string): Attitude {
  const stated = system.match(/attitude[^.:\n]*?\b(positive|neutral|negative)\b/i)?.[1];
  return (stated?.toLowerCase() as Attitude | undefined) ?? "neutral";
}

/** A different sentence of the presenting problem each round, told in the client's own voice. */
function problemDetail(reading: PromptReading, round: number): string {
  const intake = sectionOf(reading.user, "intake_form") ?? "";
  const problem = intakeSection(intake, "Presenting Problem");
  if (problem.length === 0) return "It's just been hard to keep going with everything lately.";
  return firstSentence(problem[(round - 1) % problem.length]);
}
