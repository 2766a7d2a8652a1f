// Mann–Whitney U (two independent samples) and Wilcoxon signed-rank (paired) tests, two-sided.
// Up to EXACT_LIMIT values the p-value is exact: the permutation distribution of the rank sum given
// the observed ties. Beyond it, the normal approximation with tie and continuity corrections.
import { AppError } from "@/lib/errors";
import {
  midranks,
  signedSumDistribution,
  subsetSumDistribution,
  tieTerm,
  twoSidedExact,
  twoSidedNormal,
  withoutNoise,
} from "./ranks";

export const EXACT_LIMIT = 50;

export interface RankTestResult {
  /** U of the first sample (its wins, ties counting ½), or W+ (sum of positive ranks). */
  statistic: number;
  /** Normal deviate with tie and continuity corrections; 0 when the statistic cannot vary. */
  z: number;
  pValue: number;
  exact: boolean;
  /** Values ranked: n1 + n2, or the non-zero differences. */
  n: number;
}

/** (statistic − mean) / sd, moved ½ towards the mean; 0 without variance. */
function continuityZ(statistic: number, mean: number, variance: number): number {
  if (variance <= 0) return 0;
  const gap = statistic - mean;
  return (Math.sign(gap) * Math.max(0, Math.abs(gap) - 0.5)) / Math.sqrt(variance);
}

export function mannWhitneyU(x: readonly number[], y: readonly number[]): RankTestResult {
  if (x.length === 0 || y.length === 0) {
    throw new AppError("validation", "Mann–Whitney U needs at least one value in each sample");
  }
  const n1 = x.length;
  const n2 = y.length;
  const n = n1 + n2;
  const { ranks, ties } = midranks(withoutNoise([...x, ...y]));
  const rankSum = ranks.slice(0, n1).reduce((sum, r) => sum + r, 0);
  const u = rankSum - (n1 * (n1 + 1)) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm(ties) / (n * (n - 1)));
  const z = continuityZ(u, (n1 * n2) / 2, variance);
  if (n > EXACT_LIMIT) return { statistic: u, z, pValue: twoSidedNormal(z), exact: false, n };
  const distribution = subsetSumDistribution(
    ranks.map((r) => r * 2),
    n1,
  );
  return { statistic: u, z, pValue: twoSidedExact(distribution, rankSum * 2), exact: true, n };
}

/**
 * Wilcoxon signed-rank test on paired differences (first − second). Zero differences are dropped
 * before ranking (Wilcoxon's own convention, the default of R and SciPy); tied absolute
 * differences share midranks. No non-zero difference: W+ = 0 and p = 1.
 */
export function wilcoxonSignedRank(differences: readonly number[]): RankTestResult {
  const nonZero = withoutNoise(differences).filter((d) => d !== 0);
  const n = nonZero.length;
  if (n === 0) return { statistic: 0, z: 0, pValue: 1, exact: true, n: 0 };
  const { ranks, ties } = midranks(nonZero.map(Math.abs));
  const wPlus = ranks.reduce((sum, r, i) => (nonZero[i] > 0 ? sum + r : sum), 0);
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieTerm(ties) / 48;
  const z = continuityZ(wPlus, (n * (n + 1)) / 4, variance);
  if (n > EXACT_LIMIT) return { statistic: wPlus, z, pValue: twoSidedNormal(z), exact: false, n };
  const distribution = signedSumDistribution(ranks.map((r) => r * 2));
  return { statistic: wPlus, z, pValue: twoSidedExact(distribution, wPlus * 2), exact: true, n };
}
