import type { Llama3Tokenizer } from "llama3-tokenizer-js";

// Diversity of a set of sessions, as the paper's official notebook computes it: per session, the
// messages joined by newlines (no role labels), everything but ASCII letters, digits and spaces removed
// (so the newlines go too), tokenized with the Llama-3 tokenizer as Hugging Face `encode` does it
// (<|begin_of_text|> first, no end token); n-grams within each session, pooled over the set.

/** The Llama-3 tokenizer's `vocab_size` (the base vocabulary, without the 256 special tokens). */
export const LLAMA3_VOCAB_SIZE = 128_000;

export interface DiversityScores {
  /** "llama3" as in the paper; "words" is our whitespace-split variant, not comparable with it. */
  unit: "llama3" | "words";
  sessions: number;
  /** N: tokens (or words) over the set. */
  totalTokens: number;
  uniqueUnigrams: number;
  distinct1: number;
  distinct2: number;
  distinct3: number;
  /** Null for words: EAD needs the fixed vocabulary of a tokenizer. */
  ead: number | null;
  /** V of the EAD formula. */
  vocabSize: number | null;
}

export function normalizeSessionText(messages: readonly string[]): string {
  return messages.join("\n").replace(/[^a-zA-Z0-9 ]/g, "");
}

// The package builds its vocabulary when imported (about a quarter of a second of CPU), so it is
// loaded on first use: workers and CLIs that import the evaluation code without measuring diversity
// do not pay it. One instance per process.
let tokenizer: Promise<Llama3Tokenizer> | undefined;

function llama3Tokenizer(): Promise<Llama3Tokenizer> {
  tokenizer ??= import("llama3-tokenizer-js").then((module) => module.default);
  return tokenizer;
}

export async function llama3Tokens(text: string): Promise<number[]> {
  return (await llama3Tokenizer()).encode(text, { bos: true, eos: false });
}

export function wordTokens(text: string): string[] {
  return text.split(" ").filter(Boolean);
}

// Token ids (Llama-3's are below 2^17) pack into one exact number per n-gram, up to 3 × 17 bits:
// a dashboard pools a million tokens several times, which string keys made take seconds.
const ID_BASE = 2 ** 17;

function ngramNumber(tokens: readonly number[], at: number, n: number): number {
  let key = 0;
  for (let k = 0; k < n; k++) key = key * ID_BASE + tokens[at + k];
  return key;
}

/** Pools n-grams (n = 1, 2, 3) session by session; an n-gram never spans two sessions. */
export class NgramPool {
  private readonly unique = [
    new Set<string | number>(),
    new Set<string | number>(),
    new Set<string | number>(),
  ];
  private readonly totals = [0, 0, 0];
  private sessions = 0;

  add(tokens: readonly (number | string)[]): void {
    this.sessions++;
    const numeric = tokens.every(
      (t) => typeof t === "number" && Number.isInteger(t) && t >= 0 && t < ID_BASE,
    );
    for (let n = 1; n <= 3; n++) {
      for (let at = 0; at + n <= tokens.length; at++) {
        this.unique[n - 1].add(
          numeric ? ngramNumber(tokens as readonly number[], at, n) : tokens.slice(at, at + n).join(" "),
        );
        this.totals[n - 1]++;
      }
    }
  }

  scores(unit: DiversityScores["unit"], vocabSize: number | null): DiversityScores {
    const ratio = (n: number) => (this.totals[n] === 0 ? 0 : this.unique[n].size / this.totals[n]);
    const total = this.totals[0];
    return {
      unit,
      sessions: this.sessions,
      totalTokens: total,
      uniqueUnigrams: this.unique[0].size,
      distinct1: ratio(0),
      distinct2: ratio(1),
      distinct3: ratio(2),
      ead: vocabSize === null ? null : expectationAdjustedDistinct(this.unique[0].size, total, vocabSize),
      vocabSize,
    };
  }
}

/** EAD: unique unigrams over the number of distinct tokens expected from N uniform draws from V. */
export function expectationAdjustedDistinct(unique: number, total: number, vocabSize: number): number {
  if (total === 0) return 0;
  return unique / (vocabSize * (1 - ((vocabSize - 1) / vocabSize) ** total));
}

/** Both measures over sessions given as their messages in order (opening included). */
export async function diversityOf(sessions: Iterable<readonly string[]>): Promise<{
  llama3: DiversityScores;
  words: DiversityScores;
}> {
  const tokens = new NgramPool();
  const words = new NgramPool();
  for (const messages of sessions) {
    const text = normalizeSessionText(messages);
    tokens.add(await llama3Tokens(text));
    words.add(wordTokens(text));
  }
  return { llama3: tokens.scores("llama3", LLAMA3_VOCAB_SIZE), words: words.scores("words", null) };
}
