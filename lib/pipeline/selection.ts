import { z } from "zod";
import { SPECIALIST_TECHNIQUES, type SpecialistTechnique } from "@/lib/cbt/techniques";

/**
 * What the selector is asked to return when the model supports structured output. No length limits:
 * strict JSON-schema modes reject minItems/maxItems on some providers; an empty list means the fallback.
 */
export const selectionSchema = z.object({
  techniques: z.array(z.enum(SPECIALIST_TECHNIQUES)),
  rationale: z.string(),
});

export interface Selection {
  techniques: SpecialistTechnique[];
  rationale: string | null;
  /** True when the answer named no technique: then all five candidates are used. */
  fallback: boolean;
}

/** Names and near-names as models write them, already lower-cased with non-letters removed. */
const SYNONYMS: [SpecialistTechnique, string[]][] = [
  ["psycho_education", ["psychoeducation", "psychoeducational", "educating", "education", "educate"]],
  [
    "providing_solutions",
    ["providingsolutions", "providingsolution", "solutions", "solution", "suggestion", "advice"],
  ],
  [
    "normalization",
    ["normalization", "normalisation", "normalizing", "normalising", "normalize", "normalise"],
  ],
  ["questioning", ["questioning", "questions", "question", "socratic", "probing"]],
  ["reflection", ["reflection", "reflections", "reflective", "reflecting", "reflect", "mirroring"]],
];

const ANSWER_LINE =
  /^\s*[*_#\s]*(?:selected|selection|chosen|techniques?|choices?|answer|pick(?:ed|s)?)\b[^:\n]*:(.*)$/im;
const RATIONALE_LINE = /^\s*[*_#\s]*(?:rationale|reason(?:ing)?|because|why)\b[^:\n]*:\s*([\s\S]*)$/im;

/**
 * Reads the selector's answer, however it is written: JSON (also in ``` fences), a "Techniques:" line,
 * bullets, bare numbers 1-5 (in the order the prompt lists them), synonyms. Names no technique → all five.
 */
export function parseSelection(answer: string): Selection {
  const fromJson = parseJsonSelection(answer);
  if (fromJson) return fromJson;
  const rationale = answer.match(RATIONALE_LINE)?.[1]?.trim() || null;
  const withoutRationale = rationale ? answer.slice(0, answer.search(RATIONALE_LINE)) : answer;
  const answerLine = withoutRationale.match(ANSWER_LINE)?.[1];
  const techniques = techniquesIn(answerLine?.trim() ? answerLine : withoutRationale);
  return finish(techniques, rationale ?? (answerLine ? null : restAsRationale(answer)));
}

function finish(techniques: SpecialistTechnique[], rationale: string | null): Selection {
  if (techniques.length === 0) return { techniques: [...SPECIALIST_TECHNIQUES], rationale, fallback: true };
  return { techniques, rationale, fallback: false };
}

function parseJsonSelection(answer: string): Selection | null {
  const json = jsonIn(answer);
  if (json === undefined) return null;
  const strict = selectionSchema.safeParse(json);
  if (strict.success) return finish(unique(strict.data.techniques), strict.data.rationale || null);
  const loose = looseJson(json);
  return loose ? finish(techniquesIn(loose.items.join(", ")), loose.rationale) : null;
}

/** `{ "techniques": [...], "rationale": "..." }` with other key names, or a bare array. */
function looseJson(json: unknown): { items: string[]; rationale: string | null } | null {
  if (Array.isArray(json)) return { items: json.map(String), rationale: null };
  if (!json || typeof json !== "object") return null;
  const entries = Object.entries(json as Record<string, unknown>);
  const list =
    entries.find(([, v]) => Array.isArray(v) || typeof v === "number")?.[1] ??
    entries.find(([k]) => /techni|select|choice/i.test(k))?.[1];
  if (list === undefined) return null;
  const rationale = entries.find(
    ([k, v]) => /ration|reason|why|explan/i.test(k) && typeof v === "string",
  )?.[1];
  return {
    items: Array.isArray(list) ? list.map(String) : [String(list)],
    rationale: (rationale as string) || null,
  };
}

function jsonIn(text: string): unknown {
  const fenced = text.match(/```(?:json)?\s*([\s\S]*?)```/i)?.[1];
  const candidates = [fenced, text.match(/\{[\s\S]*\}/)?.[0], text.match(/\[[\s\S]*\]/)?.[0]];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // not JSON; try the next shape
    }
  }
  return undefined;
}

/** Techniques in order of first mention; bare numbers count only when no technique is named. */
export function techniquesIn(text: string): SpecialistTechnique[] {
  const named = namedTechniques(text);
  if (named.length > 0) return named;
  const numbers = [...text.matchAll(/\b([1-5])\b/g)].map((m) => Number(m[1]));
  return unique(numbers.map((n) => SPECIALIST_TECHNIQUES[n - 1]));
}

function namedTechniques(text: string): SpecialistTechnique[] {
  const flat = ` ${text
    .toLowerCase()
    .replace(/[-_]/g, "")
    .replace(/[^a-z]+/g, " ")}`;
  return SYNONYMS.map(([technique, synonyms]) => ({ technique, at: firstMention(flat, synonyms) }))
    .filter((found) => found.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((found) => found.technique);
}

/** Where a synonym first starts a word, also when spaces split it ("psycho education"); -1 if nowhere. */
function firstMention(flat: string, synonyms: string[]): number {
  const positions = synonyms
    .map((synonym) => flat.search(new RegExp(` ${synonym.split("").join(" ?")}`)))
    .filter((at) => at >= 0);
  return positions.length > 0 ? Math.min(...positions) : -1;
}

function restAsRationale(answer: string): string | null {
  const text = answer.trim();
  return text.length > 0 && text.split(/\s+/).length > 6 ? text : null;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
