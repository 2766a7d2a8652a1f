// Facts of the method: the 12 CBT techniques the planner chooses from, and the five psychological
// techniques of the specialist agents.

export const CBT_TECHNIQUES = [
  "Efficiency Evaluation",
  "Pie Chart Technique",
  "Alternative Perspective",
  "Decatastrophizing",
  "Pros and Cons Analysis",
  "Evidence-Based Questioning",
  "Reality Testing",
  "Continuum Technique",
  "Changing Rules to Wishes",
  "Behavior Experiment",
  "Problem-Solving Skills Training",
  "Systematic Exposure",
] as const;

export type CbtTechnique = (typeof CBT_TECHNIQUES)[number];

export const SPECIALIST_TECHNIQUES = [
  "reflection",
  "questioning",
  "providing_solutions",
  "normalization",
  "psycho_education",
] as const;

export type SpecialistTechnique = (typeof SPECIALIST_TECHNIQUES)[number];

export const SPECIALIST_LABELS: Record<SpecialistTechnique, string> = {
  reflection: "Reflection",
  questioning: "Questioning",
  providing_solutions: "Providing solutions",
  normalization: "Normalization",
  psycho_education: "Psycho-education",
};

export const ATTITUDES = ["positive", "neutral", "negative"] as const;
export type AttitudeName = (typeof ATTITUDES)[number];

const normalize = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "");

/**
 * Finds the CBT technique a free-text answer names. Exact names win; otherwise the technique whose
 * name appears first in the text. Returns null when the text names none of the 12.
 */
export function matchCbtTechnique(answer: string): CbtTechnique | null {
  const flat = normalize(answer);
  if (!flat) return null;
  const exact = CBT_TECHNIQUES.find((t) => normalize(t) === flat);
  if (exact) return exact;
  let best: { technique: CbtTechnique; at: number } | null = null;
  for (const technique of CBT_TECHNIQUES) {
    for (const alias of techniqueAliases(technique)) {
      const at = flat.indexOf(alias);
      if (at >= 0 && (!best || at < best.at)) best = { technique, at };
    }
  }
  return best?.technique ?? null;
}

function techniqueAliases(technique: CbtTechnique): string[] {
  const base = normalize(technique);
  const aliases = [base];
  if (technique === "Decatastrophizing") aliases.push("decatastrophising", "decatastrophization");
  if (technique === "Behavior Experiment")
    aliases.push("behaviouralexperiment", "behavioralexperiment", "behaviourexperiment");
  if (technique === "Problem-Solving Skills Training")
    aliases.push("problemsolvingskills", "problemsolvingtraining");
  if (technique === "Pros and Cons Analysis") aliases.push("prosandcons");
  if (technique === "Evidence-Based Questioning") aliases.push("evidencebasedquestion");
  if (technique === "Changing Rules to Wishes") aliases.push("changingrulestowish", "rulestowishes");
  if (technique === "Pie Chart Technique") aliases.push("piechart");
  if (technique === "Continuum Technique") aliases.push("continuum");
  if (technique === "Systematic Exposure") aliases.push("exposure");
  return aliases;
}
