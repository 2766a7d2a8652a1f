// Effect sizes for two variants' scores: Cliff's delta (ordinal, robust to ties and outliers) and
// Cohen's d (standardised mean difference); d_z for paired differences.
import { mean, sampleVariance } from "simple-statistics";

/** P(x > y) − P(x < y) over all pairs; null when a sample is empty. */
export function cliffsDelta(x: readonly number[], y: readonly number[]): number | null {
  if (x.length === 0 || y.length === 0) return null;
  let dominance = 0;
  for (const a of x) for (const b of y) dominance += Math.sign(a - b);
  return dominance / (x.length * y.length);
}

/** (mean x − mean y) / pooled sample SD; null when undefined (fewer than 3 values, no spread). */
export function cohensD(x: readonly number[], y: readonly number[]): number | null {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0 || n1 + n2 < 3) return null;
  const within = (values: readonly number[]) =>
    values.length > 1 ? (values.length - 1) * sampleVariance([...values]) : 0;
  const pooled = Math.sqrt((within(x) + within(y)) / (n1 + n2 - 2));
  if (pooled === 0) return null;
  return (mean([...x]) - mean([...y])) / pooled;
}

/** Paired Cohen's d_z = mean difference / SD of the differences; null when undefined. */
export function cohensDz(differences: readonly number[]): number | null {
  if (differences.length < 2) return null;
  const sd = Math.sqrt(sampleVariance([...differences]));
  return sd === 0 ? null : mean([...differences]) / sd;
}
