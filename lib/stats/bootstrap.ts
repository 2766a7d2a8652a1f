// Percentile bootstrap intervals and the paired bootstrap test, all from a seeded random source so
// a dashboard shows the same numbers on every load.
import { mean, quantileSorted } from "simple-statistics";
import { AppError } from "@/lib/errors";
import { type RandomSource, seededRandom } from "./random";

export interface BootstrapOptions {
  resamples?: number;
  /** Two-sided coverage, e.g. 0.95. */
  confidence?: number;
  seed?: number;
}

export interface Interval {
  low: number;
  high: number;
}

const DEFAULTS = { resamples: 2000, confidence: 0.95, seed: 20250905 };

function settings(options: BootstrapOptions) {
  const { resamples, confidence, seed } = { ...DEFAULTS, ...options };
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new AppError("validation", "resamples must be a positive whole number");
  if (!(confidence > 0 && confidence < 1))
    throw new AppError("validation", "confidence must be between 0 and 1");
  return { resamples, confidence, random: seededRandom(seed) };
}

function percentiles(estimates: number[], confidence: number): Interval {
  const sorted = estimates.sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  return { low: quantileSorted(sorted, tail), high: quantileSorted(sorted, 1 - tail) };
}

/** The mean of one resample with replacement; a tight loop, as dashboards run thousands of these. */
function resampledMean(values: readonly number[], random: RandomSource): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[Math.floor(random() * values.length)];
  return sum / values.length;
}

function nonEmpty(values: readonly number[], what: string) {
  if (values.length === 0) throw new AppError("validation", `the bootstrap needs at least one ${what}`);
}

/** Percentile interval of a sample's mean. */
export function bootstrapMeanInterval(values: readonly number[], options: BootstrapOptions = {}): Interval {
  nonEmpty(values, "value");
  const { resamples, confidence, random } = settings(options);
  return percentiles(
    Array.from({ length: resamples }, () => resampledMean(values, random)),
    confidence,
  );
}

/** Percentile interval of mean(x) − mean(y), the two samples resampled independently. */
export function bootstrapDifferenceInterval(
  x: readonly number[],
  y: readonly number[],
  options: BootstrapOptions = {},
): Interval {
  nonEmpty(x, "value in each sample");
  nonEmpty(y, "value in each sample");
  const { resamples, confidence, random } = settings(options);
  return percentiles(
    Array.from({ length: resamples }, () => resampledMean(x, random) - resampledMean(y, random)),
    confidence,
  );
}

export interface PairedBootstrapResult extends Interval {
  meanDifference: number;
  pValue: number;
}

/**
 * Paired bootstrap over matched differences: a percentile interval of the mean difference, and a
 * two-sided p from resampling the differences shifted to mean 0 (the null),
 * p = (1 + #{|mean*| ≥ |observed|}) / (1 + resamples), never 0. One pair carries no evidence
 * of a difference (every resample is that pair): p = 1.
 */
export function pairedBootstrap(
  differences: readonly number[],
  options: BootstrapOptions = {},
): PairedBootstrapResult {
  nonEmpty(differences, "pair");
  const { resamples, confidence, random } = settings(options);
  const observed = mean([...differences]);
  const estimates: number[] = [];
  let extreme = 0;
  for (let b = 0; b < resamples; b++) {
    const estimate = resampledMean(differences, random);
    estimates.push(estimate);
    // The resample of the differences shifted to mean 0 has mean estimate − observed.
    if (Math.abs(estimate - observed) >= Math.abs(observed) - 1e-12) extreme++;
  }
  return {
    meanDifference: observed,
    ...percentiles(estimates, confidence),
    pValue: differences.length < 2 ? 1 : (1 + extreme) / (1 + resamples),
  };
}
