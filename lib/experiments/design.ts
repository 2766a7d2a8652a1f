// The cells of an experiment: profile × variant × model arm × repeat. Pure, so the count a form shows
// and the sessions a create makes come from the same code.

import type { ExperimentDesign, ExperimentSize } from "./schema";

type Agent = keyof ExperimentDesign["models"];
type ModelChoice = NonNullable<ExperimentDesign["models"][Agent]>[number];

/** The arm's name when no agent's model is an axis: every agent runs the model set in Settings. */
export const DEFAULT_ARM = "default";

export interface ModelArm {
  /** "default" when no agent's model is an axis, else e.g. "planner=openai/gpt-4o". */
  name: string;
  models: Partial<Record<Agent, ModelChoice>>;
}

export interface ExperimentCell<P> {
  profile: P;
  variant: ExperimentDesign["variants"][number];
  arm: ModelArm;
  repeat: number;
}

/** Every combination of the agents' model choices; one "default" arm when none is an axis. */
export function modelArms(models: ExperimentDesign["models"]): ModelArm[] {
  let arms: ModelArm[] = [{ name: "", models: {} }];
  for (const [agent, choices] of Object.entries(models) as [Agent, ModelChoice[] | undefined][]) {
    if (!choices?.length) continue;
    arms = arms.flatMap((arm) =>
      choices.map((choice) => ({
        name: [arm.name, `${agent}=${choice.provider}/${choice.modelId}`].filter(Boolean).join(","),
        models: { ...arm.models, [agent]: choice },
      })),
    );
  }
  return arms.map((arm) => ({ ...arm, name: arm.name || DEFAULT_ARM }));
}

/**
 * The cells in the order they are queued: repeat by repeat, and within one every profile's variants
 * and arms side by side, so a half-run experiment still has matched seeds to compare.
 */
export function experimentCells<P>(design: ExperimentDesign, profiles: P[]): ExperimentCell<P>[] {
  const arms = modelArms(design.models);
  const cells: ExperimentCell<P>[] = [];
  for (let repeat = 1; repeat <= design.repeats; repeat++)
    for (const profile of profiles)
      for (const variant of design.variants)
        for (const arm of arms) cells.push({ profile, variant, arm, repeat });
  return cells;
}

export function sessionCount(design: ExperimentSize, profiles: number): number {
  return profiles * design.variants.length * modelArms(design.models).length * design.repeats;
}

/** The profiles a design takes, from how many match each of its attitudes: the first `limit` of each. */
export function takenProfileCount(design: ExperimentSize, matchingPerAttitude: number[]): number {
  return matchingPerAttitude.reduce((sum, matching) => sum + Math.min(matching, design.limit ?? matching), 0);
}
