// Small text tools the simulator uses to ground its replies in the words it was given.

export function sentencesOf(text: string): string[] {
  return (text.match(/[^.!?]+[.!?]*/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
}

export function firstSentence(text: string): string {
  return sentencesOf(text)[0] ?? text.trim();
}

const TRAILING_FILLER =
  /\s+(?:is|are|was|the|a|an|of|to|and|but|or|with|that|my|your|i|it|for|in|on|at|so)$/i;

/**
 * The most telling clause of a client message: from its longest sentence (greetings and questions back
 * aside), the longest clause of at most `maxWords` words, cut at a word that does not dangle.
 */
export function keyClause(text: string, maxWords = 16): string {
  const statements = sentencesOf(text).filter(
    (s) => !/^(hi|hello|thanks|thank you)\b/i.test(s) && !s.endsWith("?"),
  );
  const longest = byWords(statements.length ? statements : sentencesOf(text))[0] ?? "";
  const clauses = wordCount(longest) <= maxWords ? [longest] : clausesOf(longest);
  const clause = byWords(clauses.filter((c) => wordCount(c) <= maxWords))[0] ?? firstWords(longest, maxWords);
  let result = clause.replace(/[.!?,;:]+$/, "").trim();
  while (TRAILING_FILLER.test(result)) result = result.replace(TRAILING_FILLER, "");
  return result;
}

function byWords(texts: string[]): string[] {
  return [...texts].sort((a, b) => wordCount(b) - wordCount(a));
}

function firstWords(text: string, count: number): string {
  return text.split(/\s+/).slice(0, count).join(" ");
}

function clausesOf(sentence: string): string[] {
  return sentence
    .split(/\s*(?:[,;:]|\s[-–]\s|\bbut\b|\bbecause\b|\bwhich\b)\s*/i)
    .map((c) => c.trim())
    .filter((c) => wordCount(c) >= 3);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

const SWAPS: Record<string, string> = {
  i: "you",
  "i'm": "you're",
  im: "you're",
  "i've": "you've",
  "i'll": "you'll",
  "i'd": "you'd",
  me: "you",
  my: "your",
  mine: "yours",
  myself: "yourself",
  am: "are",
  "i’m": "you're",
  "i’ve": "you've",
};

/** First person to second person, so a reflection can say the client's words back to them. */
export function toSecondPerson(text: string): string {
  return text
    .replace(/\bI was\b/g, "you were")
    .split(/(\s+)/)
    .map((word) => {
      const bare = word.toLowerCase().replace(/[^a-z'’]/g, "");
      const swap = SWAPS[bare];
      return swap ? word.toLowerCase().replace(bare, swap) : word;
    })
    .join("");
}

export function lowerFirst(text: string): string {
  return text.length > 1 && text[1] !== text[1].toUpperCase() ? text[0].toLowerCase() + text.slice(1) : text;
}

const FEELINGS = [
  "anxious",
  "stressed",
  "sad",
  "overwhelmed",
  "angry",
  "frustrated",
  "tired",
  "worried",
  "scared",
  "lonely",
  "guilty",
  "hopeless",
  "down",
  "demotivated",
  "ashamed",
];

export function feelingIn(text: string): string | null {
  const lower = text.toLowerCase();
  return FEELINGS.find((f) => new RegExp(`\\b${f}\\b`).test(lower)) ?? null;
}

/** A short verbatim quote (up to `maxWords`) from a message, for questions that ask about the client's words. */
export function quoteOf(text: string, maxWords = 12): string {
  return keyClause(text, maxWords);
}

/** Sentences under a heading of the intake form, e.g. "Presenting Problem". */
export function intakeSection(intake: string, heading: string): string[] {
  const lines = intake.split("\n");
  const start = lines.findIndex((l) => l.toLowerCase().includes(heading.toLowerCase()));
  if (start < 0) return [];
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*\d+\.\s/.test(line)) break;
    if (line.trim()) body.push(line.trim());
  }
  return body;
}
