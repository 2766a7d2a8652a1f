import fc from "fast-check";
import { wilcoxonRankSum } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { mannWhitneyU, wilcoxonSignedRank } from "./rank-tests";
import { twoSidedNormal } from "./ranks";

describe("mannWhitneyU", () => {
  // NAG Library, g08amc (nag_mann_whitney) example program: 16 and 23 values with many ties.
  // Published results: U = 86, normal statistic −2.8039 (tie- and continuity-corrected),
  // approximate lower tail 0.0025, exact lower tail (given the ties) 0.0020.
  const group1 = [13, 6, 12, 7, 12, 7, 10, 7, 10, 7, 16, 7, 10, 8, 9, 8];
  const group2 = [17, 6, 10, 8, 15, 8, 15, 10, 15, 10, 14, 10, 14, 11, 14, 11, 13, 12, 13, 12, 13, 12, 12];

  it("matches the NAG g08amc worked example with ties", () => {
    const result = mannWhitneyU(group1, group2);
    expect(result.statistic).toBe(86);
    expect(result.z).toBeCloseTo(-2.8039, 4);
    expect(twoSidedNormal(result.z) / 2).toBeCloseTo(0.0025, 4);
    expect(result.exact).toBe(true);
    expect(result.pValue / 2).toBeCloseTo(0.002, 4);
    expect(result.n).toBe(39);
  });

  it("is symmetric: swapping the samples gives U2 = n1·n2 − U1 and the same p", () => {
    const swapped = mannWhitneyU(group2, group1);
    expect(swapped.statistic).toBe(16 * 23 - 86);
    expect(swapped.pValue).toBeCloseTo(mannWhitneyU(group1, group2).pValue, 12);
  });

  it("agrees with simple-statistics' rank sum", () => {
    const rankSum = wilcoxonRankSum(group1, group2);
    expect(mannWhitneyU(group1, group2).statistic).toBe(rankSum - (16 * 17) / 2);
  });

  it("handles n = 1 per sample, all-equal values and empty samples", () => {
    expect(mannWhitneyU([1], [2])).toMatchObject({ statistic: 0, pValue: 1, exact: true });
    expect(mannWhitneyU([3, 3, 3], [3, 3])).toMatchObject({ statistic: 3, z: 0, pValue: 1 });
    expect(() => mannWhitneyU([], [1])).toThrow(/at least one value in each sample/);
  });

  it("the smallest complete separation of 4 vs 4 has exact p = 2/70", () => {
    expect(mannWhitneyU([1, 2, 3, 4], [5, 6, 7, 8]).pValue).toBeCloseTo(2 / 70, 12);
  });

  it("uses the normal approximation beyond 50 values", () => {
    const x = Array.from({ length: 30 }, (_, i) => i % 7);
    const y = Array.from({ length: 30 }, (_, i) => (i % 5) + 1);
    const result = mannWhitneyU(x, y);
    expect(result.exact).toBe(false);
    expect(result.pValue).toBeCloseTo(twoSidedNormal(result.z), 12);
  });

  it("the exact p equals full enumeration of the splits, ties included", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 5 }),
        (x, y) => {
          const pooled = [...x, ...y];
          const observed = mannWhitneyU(x, y).statistic;
          let lower = 0;
          let upper = 0;
          let total = 0;
          for (const chosen of subsets(pooled.length, x.length)) {
            const u = mannWhitneyU(
              chosen.map((i) => pooled[i]),
              pooled.filter((_, i) => !chosen.includes(i)),
            ).statistic;
            total++;
            if (u <= observed) lower++;
            if (u >= observed) upper++;
          }
          // Twice the smaller tail: with ties the null distribution need not be symmetric.
          expect(mannWhitneyU(x, y).pValue).toBeCloseTo(Math.min(1, (2 * Math.min(lower, upper)) / total), 9);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("wilcoxonSignedRank", () => {
  // NAG Library, g08agf/g08agc example program: 8 paired differences of
  // 82 69 73 43 58 56 76 65 and 63 42 74 37 51 43 80 62. Published results: W = 32,
  // normalized statistic 1.8904, two-tail probability 0.0547 (exact).
  const first = [82, 69, 73, 43, 58, 56, 76, 65];
  const second = [63, 42, 74, 37, 51, 43, 80, 62];

  it("matches the NAG g08agf worked example", () => {
    const result = wilcoxonSignedRank(first.map((v, i) => v - second[i]));
    expect(result.statistic).toBe(32);
    expect(result.z).toBeCloseTo(1.8904, 4);
    expect(result.pValue).toBeCloseTo(0.0547, 4);
    expect(result.pValue).toBeCloseTo(14 / 256, 12);
    expect(result.exact).toBe(true);
  });

  it("drops zero differences (Wilcoxon's convention) and gives tied differences midranks", () => {
    const result = wilcoxonSignedRank([0, 0, 2, -2, 3, 5]);
    // Non-zero |d| = 2, 2, 3, 5 → ranks 1.5, 1.5, 3, 4; W+ = 1.5 + 3 + 4.
    expect(result).toMatchObject({ statistic: 8.5, n: 4, exact: true });
    // Of the 16 sign patterns, W+ ≥ 8.5 in 3 (all +, or only one 1.5 negative): p = 2 × 3/16.
    expect(result.pValue).toBeCloseTo(6 / 16, 12);
  });

  it("treats subtraction noise as a zero or a tie", () => {
    expect(wilcoxonSignedRank([4.1 - 4.0, 0.1, 0.3 - 0.2 - 0.1]).n).toBe(2);
    expect(wilcoxonSignedRank([4.1 - 4.0, 0.1]).statistic).toBe(3);
  });

  it("handles n = 1 and all-equal pairs", () => {
    expect(wilcoxonSignedRank([2])).toMatchObject({ statistic: 1, n: 1, pValue: 1 });
    expect(wilcoxonSignedRank([0, 0, 0])).toMatchObject({ statistic: 0, n: 0, pValue: 1 });
    expect(wilcoxonSignedRank([])).toMatchObject({ n: 0, pValue: 1 });
    expect(wilcoxonSignedRank([1, 1, 1, 1, 1, 1])).toMatchObject({ statistic: 21, pValue: 2 / 64 });
  });

  it("uses the normal approximation beyond 50 pairs", () => {
    const differences = Array.from({ length: 60 }, (_, i) => (i % 9) - 3);
    const result = wilcoxonSignedRank(differences);
    expect(result.exact).toBe(false);
    expect(result.pValue).toBeCloseTo(twoSidedNormal(result.z), 12);
  });
});

function* subsets(n: number, k: number, start = 0, chosen: number[] = []): Generator<number[]> {
  if (chosen.length === k) {
    yield chosen;
    return;
  }
  for (let i = start; i < n; i++) yield* subsets(n, k, i + 1, [...chosen, i]);
}
