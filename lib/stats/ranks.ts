// Ranking with ties and the exact permutation distributions of rank sums, shared by Mann–Whitney
// and Wilcoxon. Ranks are doubled so midranks (k + ½) stay integers and sums count exactly.
import { errorFunction } from "simple-statistics";

/**
 * Values rounded to 12 significant digits of the largest one, so arithmetic noise (4.1 − 4.0 vs
 * 0.1, or 0.3 − 0.2 − 0.1 vs 0) neither breaks a tie nor hides a zero.
 */
export function withoutNoise(values: readonly number[]): number[] {
  const scale = values.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
  if (scale === 0) return [...values];
  const quantum = 10 ** (Math.floor(Math.log10(scale)) - 11);
  return values.map((v) => Math.round(v / quantum) * quantum);
}

/** Midranks (1-based, ties share their average) of `values`, in input order, and the tie sizes. */
export function midranks(values: readonly number[]): { ranks: number[]; ties: number[] } {
  const order = values.map((value, i) => ({ value, i })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  const ties: number[] = [];
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].value === order[start].value) end++;
    const rank = (start + end + 2) / 2;
    for (let k = start; k <= end; k++) ranks[order[k].i] = rank;
    ties.push(end - start + 1);
    start = end + 1;
  }
  return { ranks, ties };
}

/** Σ (t³ − t) over tie groups, the correction both tests' variances need. */
export const tieTerm = (ties: readonly number[]) => ties.reduce((sum, t) => sum + t ** 3 - t, 0);

/**
 * Probability of each sum of doubled ranks when `size` of `scores` are drawn without replacement,
 * all subsets equally likely (Mann–Whitney's null). Index = doubled sum.
 */
export function subsetSumDistribution(scores: readonly number[], size: number): number[] {
  const total = scores.reduce((sum, s) => sum + s, 0);
  // ways[k][s]: subsets of k of the scores seen so far with sum s.
  const ways = Array.from({ length: size + 1 }, () => new Array<number>(total + 1).fill(0));
  ways[0][0] = 1;
  for (const score of scores) {
    for (let k = size; k >= 1; k--) {
      const row = ways[k];
      const previous = ways[k - 1];
      for (let s = total; s >= score; s--) row[s] += previous[s - score];
    }
  }
  const count = ways[size].reduce((sum, w) => sum + w, 0);
  return ways[size].map((w) => w / count);
}

/** Probability of each doubled sum when each score is in or out with probability ½ (Wilcoxon's null). */
export function signedSumDistribution(scores: readonly number[]): number[] {
  const total = scores.reduce((sum, s) => sum + s, 0);
  let p = new Array<number>(total + 1).fill(0);
  p[0] = 1;
  for (const score of scores) {
    const next = p.map((x) => x / 2);
    for (let s = score; s <= total; s++) next[s] += p[s - score] / 2;
    p = next;
  }
  return p;
}

/** Two-sided p of observing `at` under `distribution`: twice the smaller tail, at most 1. */
export function twoSidedExact(distribution: readonly number[], at: number): number {
  let lower = 0;
  let upper = 0;
  distribution.forEach((p, s) => {
    if (s <= at) lower += p;
    if (s >= at) upper += p;
  });
  return Math.min(1, 2 * Math.min(lower, upper));
}

/** Two-sided p of a standard normal z. */
export function twoSidedNormal(z: number): number {
  return Math.min(1, 1 - errorFunction(Math.abs(z) / Math.SQRT2));
}
