import { describe, expect, it } from "vitest";
import { splitSentences, traceProvenance } from "./provenance";

const reflection =
  "It sounds like the deadlines at work have been weighing on you every single night. That is a lot to carry.";
const questioning =
  "What goes through your mind when you imagine missing one of those deadlines? Could we look at the evidence together?";

/** The text a span covers in its candidate. */
const covered = (text: string, spans: [number, number][]) => spans.map(([a, b]) => text.slice(a, b));

describe("splitSentences", () => {
  it("splits on ., ? and ! followed by a space or the end, with offsets into the text", () => {
    const text = "  You sound tired. Is that right?  Let's pause!";
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(["You sound tired.", "Is that right?", "Let's pause!"]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it("keeps abbreviations, initials, decimals, list numbers and a lowercase continuation together", () => {
    const text =
      'Dr. Smith said 2.5 hours, e.g. after work. J. R. agreed with Mrs. Lee. "Really?" Yes... maybe. 1. Notice it.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      "Dr. Smith said 2.5 hours, e.g. after work.",
      "J. R. agreed with Mrs. Lee.",
      '"Really?"',
      "Yes... maybe.",
      "1. Notice it.",
    ]);
  });

  it("ends a sentence at a line break and after the pronoun I, and yields no empty sentences", () => {
    const text =
      "First line without a stop\n\nYou know more than I. That is who I am. I said no. But ... ?! \n";
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      "First line without a stop",
      "You know more than I.",
      "That is who I am.",
      "I said no.",
      "But ...",
    ]);
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences(" ... !? ")).toEqual([]);
  });
});

describe("traceProvenance", () => {
  const candidates = [
    { key: "specialist:reflection", text: reflection },
    { key: "specialist:questioning", text: questioning },
  ];

  it("maps each sentence of a fused reply to the candidate and passage it came from", () => {
    const fused =
      "It sounds like the deadlines at work have been weighing on you. " +
      "What goes through your mind when you imagine missing one?";
    const [first, second] = traceProvenance(fused, candidates);

    expect(first.text).toBe("It sounds like the deadlines at work have been weighing on you.");
    expect(first.sources.map((s) => s.key)).toEqual(["specialist:reflection"]);
    expect(first.sources[0].score).toBe(1);
    expect(covered(reflection, first.sources[0].spans)).toEqual([
      "It sounds like the deadlines at work have been weighing on you",
    ]);

    expect(second.sources.map((s) => s.key)).toEqual(["specialist:questioning"]);
    expect(covered(questioning, second.sources[0].spans)).toEqual([
      "What goes through your mind when you imagine missing one",
    ]);
    // "missing one?" -> 10 of the sentence's 10 words are shared.
    expect(second.sources[0].score).toBe(1);
  });

  it("scores partial reuse by the share of the sentence's words, best source first", () => {
    const fused = "Could we look at the evidence together, since that is a lot to carry for anyone?";
    const [sentence] = traceProvenance(fused, candidates);
    expect(sentence.sources.map((s) => s.key)).toEqual(["specialist:questioning", "specialist:reflection"]);
    const [questioningSource, reflectionSource] = sentence.sources;
    expect(questioningSource.score).toBeCloseTo(7 / 16);
    expect(reflectionSource.score).toBeCloseTo(6 / 16);
    expect(covered(questioning, questioningSource.spans)).toEqual(["Could we look at the evidence together"]);
    expect(covered(reflection, reflectionSource.spans)).toEqual(["That is a lot to carry"]);
  });

  it("gives a sentence written fresh no sources", () => {
    const fused =
      "It sounds like the deadlines at work have been weighing on you. Tell me about your weekend plans.";
    const [, fresh] = traceProvenance(fused, candidates);
    expect(fresh.text).toBe("Tell me about your weekend plans.");
    expect(fresh.sources).toEqual([]);
    // Fewer than three words in common is not reuse.
    expect(traceProvenance("The deadlines scare me.", candidates)[0].sources).toEqual([]);
  });

  it("matches across case, punctuation and apostrophes, with spans in the candidate's own offsets", () => {
    const candidate = {
      key: "specialist:normalization",
      text: "Honestly—it’s NORMAL, to feel anxious; before big changes!",
    };
    const fused = "it's normal to feel anxious before big changes.";
    const [sentence] = traceProvenance(fused, [candidate]);
    expect(sentence.sources).toHaveLength(1);
    expect(sentence.sources[0].score).toBe(1);
    expect(covered(candidate.text, sentence.sources[0].spans)).toEqual([
      "it’s NORMAL, to feel anxious; before big changes",
    ]);
  });

  it("merges overlapping and adjacent runs into one span and keeps separate passages apart", () => {
    const candidate = { key: "c", text: "one two three four five. six seven eight nine ten" };
    const fused = "One two three four five six seven. Eight nine ten was not said";
    const traced = traceProvenance(fused, [candidate]);
    expect(covered(candidate.text, traced[0].sources[0].spans)).toEqual([
      "one two three four five. six seven",
    ]);
    expect(covered(candidate.text, traced[1].sources[0].spans)).toEqual(["eight nine ten"]);
  });

  it("memoises per input and stays fast for five 500-word candidates", () => {
    const vocabulary = "worry sleep work plan notice thought feeling evidence small step try kind".split(" ");
    const text = (seed: number) =>
      Array.from({ length: 500 }, (_, i) => vocabulary[(i * (seed + 3) + seed * 7) % vocabulary.length]).join(
        " ",
      );
    const many = [1, 2, 3, 4, 5].map((seed) => ({ key: `k${seed}`, text: `${text(seed)}.` }));
    const fused = `${many[0].text.slice(0, 400)}. ${many[3].text.slice(200, 700)}. Something new entirely here.`;
    const started = performance.now();
    const first = traceProvenance(fused, many);
    const elapsed = performance.now() - started;
    // Catches a blow-up in complexity only; its speed is measured where timings belong, not here.
    expect(elapsed).toBeLessThan(1_000);
    expect(traceProvenance(fused, many)).toBe(first);
    expect(first.at(-1)?.sources).toEqual([]);
    expect(first[0].sources.map((s) => s.key)).toContain("k1");
  });
});
