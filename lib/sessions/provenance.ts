// Provenance of a fused counselor reply: which passages of which specialist candidates each of its
// sentences reuses. Pure and client-safe; matching is on shared runs of at least MIN_NGRAM
// normalised words (case, punctuation and apostrophes ignored), reported in original offsets.

export interface SentenceRange {
  /** Offset of the sentence's first character in the text. */
  start: number;
  /** Offset just past the sentence's last character (its closing punctuation included). */
  end: number;
  text: string;
}

export interface ProvenanceSource {
  /** The candidate's key, as given. */
  key: string;
  /** Fraction (0–1] of the sentence's words covered by runs shared with this candidate. */
  score: number;
  /** Character ranges [start, end) of the candidate's text the sentence shares, merged and ordered. */
  spans: [number, number][];
}

export interface SentenceProvenance extends SentenceRange {
  /** Candidates the sentence draws on, best first; empty for a sentence written fresh. */
  sources: ProvenanceSource[];
}

export interface ProvenanceCandidate {
  key: string;
  text: string;
}

/** Shortest run of consecutive words that counts as shared. */
export const MIN_NGRAM = 3;

// Sentence splitting.

/** Words a period follows without ending the sentence; dotted ones ("e.g.") only when written dotted. */
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "sr",
  "jr",
  "st",
  "vs",
  "approx",
  "cf",
  "fig",
]);
const DOTTED_ABBREVIATIONS = new Set(["e.g", "i.e", "a.m", "p.m"]);

const CLOSERS = "\"')]}»”’";
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Splits text into sentences: a run of `.`, `?` or `!` (with any closing quotes or brackets) followed
 * by whitespace or the end ends one, and so does a line break. A period after a common abbreviation,
 * an initial, a list number, or before a lowercase word does not. Whitespace and stretches without
 * any letter or digit are left between sentences, so no sentence is empty.
 */
export function splitSentences(text: string): SentenceRange[] {
  const sentences: SentenceRange[] = [];
  let start = 0;
  const push = (end: number) => {
    let from = start;
    let to = end;
    while (from < to && /\s/.test(text[from])) from++;
    while (to > from && /\s/.test(text[to - 1])) to--;
    if (from < to && WORD_CHAR.test(text.slice(from, to))) {
      sentences.push({ start: from, end: to, text: text.slice(from, to) });
    }
    start = end;
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "\n") {
      push(i);
      i++;
      continue;
    }
    if (ch !== "." && ch !== "?" && ch !== "!") {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && ".?!".includes(text[end])) end++;
    while (end < text.length && CLOSERS.includes(text[end])) end++;
    const atBoundary = end === text.length || /\s/.test(text[end]);
    if (atBoundary && !continuesSentence(text, start, i, end)) push(end);
    i = end;
  }
  push(text.length);
  return sentences;
}

/** Whether the period at `dot` is not the end of the sentence begun at `start`. */
function continuesSentence(text: string, start: number, dot: number, end: number): boolean {
  const terminators = text.slice(dot, end).replace(/[^.?!]/g, "");
  if (/[?!]/.test(terminators)) return false;
  // "e.g. this", "I wonder... maybe": a lowercase word goes on with the sentence.
  const next = text.slice(end, end + 8).match(/^[ \t]*(\S)/u)?.[1];
  if (next && /\p{Ll}/u.test(next)) return true;
  if (terminators.length > 1) return false;
  const word = text.slice(start, dot).match(/([\p{L}\p{N}.]+)$/u)?.[1] ?? "";
  if (!word) return false;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower) || DOTTED_ABBREVIATIONS.has(lower)) return true;
  // An initial ("J.") or a dotted abbreviation ("U.S."), but not the pronoun ("…than I. But").
  if (word !== "I" && /^(\p{Lu}\.)*\p{Lu}$/u.test(word)) return true;
  // A list number at the start of the sentence ("1. Notice…").
  return /^\d{1,3}$/.test(word) && text.slice(start, dot).trim() === word;
}

// Words.

interface Word {
  norm: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** The words of a text, lowercased and without apostrophes, with their original offsets. */
function words(text: string): Word[] {
  const out: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    out.push({
      norm: match[0].toLowerCase().replace(/['’]/g, ""),
      start,
      end: start + match[0].length,
    });
  }
  return out;
}

interface IndexedCandidate {
  key: string;
  words: Word[];
  /** First word of every MIN_NGRAM-word run, by the run's normalised words. */
  grams: Map<string, number[]>;
}

function indexCandidate(candidate: ProvenanceCandidate): IndexedCandidate {
  const list = words(candidate.text);
  const grams = new Map<string, number[]>();
  for (let j = 0; j + MIN_NGRAM <= list.length; j++) {
    const key = gramKey(list, j);
    const at = grams.get(key);
    if (at) at.push(j);
    else grams.set(key, [j]);
  }
  return { key: candidate.key, words: list, grams };
}

function gramKey(list: Word[], from: number): string {
  let key = list[from].norm;
  for (let k = 1; k < MIN_NGRAM; k++) key += ` ${list[from + k].norm}`;
  return key;
}

// Tracing.

const traceCache = new Map<string, SentenceProvenance[]>();
const candidateCache = new Map<string, IndexedCandidate>();

/**
 * For every sentence of `fused`, the candidates it shares runs of words with, the candidate passages
 * shared and the share of the sentence's words they cover. Results are memoised per input, so
 * calling it again for the same texts (say, on every hover) returns the same array at no cost.
 */
export function traceProvenance(fused: string, candidates: ProvenanceCandidate[]): SentenceProvenance[] {
  const cacheKey = [fused, ...candidates.flatMap((c) => [c.key, c.text])].join("\u0000");
  return remember(traceCache, 64, cacheKey, () => {
    const indexed = candidates.map((c) =>
      remember(candidateCache, 256, `${c.key}\u0000${c.text}`, () => indexCandidate(c)),
    );
    const fusedWords = words(fused);
    return splitSentences(fused).map((sentence) => {
      const own = fusedWords.filter((w) => w.start >= sentence.start && w.end <= sentence.end);
      const sources = indexed
        .map((candidate) => matchSentence(own, candidate))
        .filter((source): source is ProvenanceSource => source !== null)
        .sort((a, b) => b.score - a.score);
      return { ...sentence, sources };
    });
  });
}

function matchSentence(sentence: Word[], candidate: IndexedCandidate): ProvenanceSource | null {
  if (sentence.length < MIN_NGRAM || candidate.grams.size === 0) return null;
  const covered = new Uint8Array(sentence.length);
  const used = new Uint8Array(candidate.words.length);
  let any = false;
  for (let i = 0; i + MIN_NGRAM <= sentence.length; i++) {
    const starts = candidate.grams.get(gramKey(sentence, i));
    if (!starts) continue;
    any = true;
    covered.fill(1, i, i + MIN_NGRAM);
    for (const j of starts) used.fill(1, j, j + MIN_NGRAM);
  }
  if (!any) return null;
  const score = covered.reduce((sum, c) => sum + c, 0) / sentence.length;
  return { key: candidate.key, score, spans: runsToSpans(used, candidate.words) };
}

/** Consecutive used words become one character range, from the first word's start to the last's end. */
function runsToSpans(used: Uint8Array, list: Word[]): [number, number][] {
  const spans: [number, number][] = [];
  let runStart = -1;
  for (let j = 0; j <= used.length; j++) {
    if (j < used.length && used[j]) {
      if (runStart < 0) runStart = j;
    } else if (runStart >= 0) {
      spans.push([list[runStart].start, list[j - 1].end]);
      runStart = -1;
    }
  }
  return spans;
}

/** A small least-recently-used cache. */
function remember<T>(cache: Map<string, T>, size: number, key: string, make: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const value = make();
  cache.set(key, value);
  if (cache.size > size) cache.delete(cache.keys().next().value as string);
  return value;
}
