import { type CbtTechnique, matchCbtTechnique } from "@/lib/cbt/techniques";

export interface ParsedPlan {
  /** One of the 12, or null when the answer names none of them (techniqueRaw keeps what it said). */
  technique: CbtTechnique | null;
  techniqueRaw: string;
  plan: string;
}

const TECHNIQUE_LINE = /^\s*[*_#\s]*(?:cbt\s+)?technique[*_\s]*[:\-–][*_\s]*(.+?)[*_\s]*$/im;
const PLAN_HEADING = /^\s*[*_#\s]*(?:counseling\s+|cbt\s+|session\s+)?plan[*_\s]*:[*_\s]*/im;

/** Reads "Technique: ...\nPlan: ..." answers, JSON answers, and loosely formatted ones. */
export function parsePlan(answer: string): ParsedPlan {
  const json = parsePlanJson(answer);
  if (json) return json;
  const text = answer.trim();
  const techniqueLine = text.match(TECHNIQUE_LINE);
  const techniqueRaw = (techniqueLine?.[1] ?? firstLine(text)).trim();
  const planStart = text.search(PLAN_HEADING);
  const plan =
    planStart >= 0
      ? text.slice(planStart).replace(PLAN_HEADING, "").trim()
      : text.replace(techniqueLine?.[0] ?? firstLine(text), "").trim();
  return { technique: matchCbtTechnique(techniqueRaw), techniqueRaw, plan: plan || text };
}

function parsePlanJson(answer: string): ParsedPlan | null {
  const block = answer.match(/```(?:json)?\s*([\s\S]*?)```/i)?.[1] ?? answer.match(/\{[\s\S]*\}/)?.[0];
  if (!block) return null;
  try {
    const value = JSON.parse(block) as Record<string, unknown>;
    if (typeof value.technique !== "string") return null;
    const plan = Array.isArray(value.plan) ? value.plan.join("\n") : String(value.plan ?? "");
    return { technique: matchCbtTechnique(value.technique), techniqueRaw: value.technique, plan };
  } catch {
    return null;
  }
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? "";
}
