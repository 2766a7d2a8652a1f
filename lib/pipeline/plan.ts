import { type CbtTechnique, matchCbtTechnique } from "@/lib/cbt/techniques";

export interface ParsedPlan {
  /** One of the 12, or null when the answer names none of them (techniqueRaw keeps what it said). */
  technique: CbtTechnique | null;
  techniqueRaw: string;
  plan: string;
}

const TECHNIQUE_LINE = /^\s*[*_#\s]*(?:cbt\s+)?technique[*_\s]*[:\-–][*_\s]*(.+?)[*_\s]*$/im;
const PLAN_HEADING = /^[*_#\s]*(?:counseling\s+|cbt\s+|session\s+)?plan[*_\s]*:[*_\s]*/im;

/**
 * Reads the planner's free answer: "Technique: ...\nPlan: ..." as asked, JSON, or prose that names the
 * technique somewhere before a plan of any length (published plans run to several sessions of steps).
 */
export function parsePlan(answer: string): ParsedPlan {
  const json = parsePlanJson(answer);
  if (json) return json;
  const text = answer.trim();
  const planStart = text.search(PLAN_HEADING);
  const head = planStart >= 0 ? text.slice(0, planStart) : text;
  const naming = techniqueLineIn(head);
  // Everything but the naming line is the plan; a "Plan:" label right at its start is dropped.
  const rest = text.replace(naming.line, "").trim();
  const plan = rest.replace(new RegExp(`^${PLAN_HEADING.source}`, "i"), "").trim();
  return { technique: matchCbtTechnique(naming.raw), techniqueRaw: naming.raw, plan: plan || text };
}

/** A "Technique:" line; else the first line that names one of the 12; else the first line. */
function techniqueLineIn(head: string): { line: string; raw: string } {
  const labelled = head.match(TECHNIQUE_LINE);
  if (labelled) return { line: labelled[0], raw: labelled[1].trim() };
  const lines = head.split("\n").filter((line) => line.trim());
  const line = lines.find((l) => matchCbtTechnique(l) !== null) ?? lines[0] ?? "";
  return { line, raw: line.trim() };
}

function parsePlanJson(answer: string): ParsedPlan | null {
  const block =
    answer.match(/```(?:json)?\s*([\s\S]*?)```/i)?.[1] ?? answer.match(/^\s*\{[\s\S]*\}\s*$/)?.[0];
  if (!block) return null;
  try {
    const value: unknown = JSON.parse(block);
    if (!value || typeof value !== "object" || !("technique" in value)) return null;
    if (typeof value.technique !== "string") return null;
    const plan = "plan" in value ? value.plan : "";
    const planText = Array.isArray(plan) ? plan.join("\n") : String(plan ?? "");
    return { technique: matchCbtTechnique(value.technique), techniqueRaw: value.technique, plan: planText };
  } catch {
    return null;
  }
}
