import { mean, sampleStandardDeviation } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { bootstrapDifferenceInterval, bootstrapMeanInterval, pairedBootstrap } from "./bootstrap";
import { cliffsDelta, cohensD, cohensDz } from "./effect-size";
import { holm } from "./holm";
import { seededRandom } from "./random";
import { mannWhitneyU } from "./rank-tests";

describe("holm", () => {
  it("steps down as in Holm (1979): sorted p × (m − rank), kept monotone", () => {
    // Sorted 0.005, 0.01, 0.03, 0.04 → × 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 → monotone 0.06.
    expect(holm([0.01, 0.04, 0.03, 0.005])).toEqual([0.03, 0.06, 0.06, 0.02]);
  });

  it("caps at 1, skips untested items and keeps one test as it is", () => {
    expect(holm([0.5, null, 0.4])).toEqual([0.8, null, 0.8]);
    expect(holm([0.7, 0.9])).toEqual([1, 1]);
    expect(holm([0.03])).toEqual([0.03]);
    expect(holm([])).toEqual([]);
  });
});

describe("effect sizes", () => {
  it("Cliff's delta is 2U/(n1·n2) − 1 (NAG g08amc data: U = 86 of 16 × 23)", () => {
    const group1 = [13, 6, 12, 7, 12, 7, 10, 7, 10, 7, 16, 7, 10, 8, 9, 8];
    const group2 = [17, 6, 10, 8, 15, 8, 15, 10, 15, 10, 14, 10, 14, 11, 14, 11, 13, 12, 13, 12, 13, 12, 12];
    expect(cliffsDelta(group1, group2)).toBeCloseTo((2 * 86) / (16 * 23) - 1, 12);
    expect(cliffsDelta(group1, group2)).toBeCloseTo(
      (2 * mannWhitneyU(group1, group2).statistic) / 368 - 1,
      12,
    );
    expect(cliffsDelta([1, 2], [3, 4])).toBe(-1);
    expect(cliffsDelta([2, 2], [2])).toBe(0);
    expect(cliffsDelta([], [1])).toBeNull();
  });

  it("Cohen's d uses the pooled sample SD", () => {
    // Means 5 and 4, each sum of squares 32, pooled variance 64/14: d = 1/√(64/14).
    expect(cohensD([2, 4, 4, 4, 5, 5, 7, 9], [1, 3, 3, 3, 4, 4, 6, 8])).toBeCloseTo(
      1 / Math.sqrt(64 / 14),
      12,
    );
    // One value beside a sample: that sample's spread alone.
    expect(cohensD([3], [1, 2, 3])).toBeCloseTo((3 - 2) / 1, 12);
    expect(cohensD([1], [2])).toBeNull();
    expect(cohensD([2, 2], [2, 2])).toBeNull();
    expect(cohensDz([1, 2, 3])).toBeCloseTo(2 / 1, 12);
    expect(cohensDz([1, 1])).toBeNull();
    expect(cohensDz([1])).toBeNull();
  });
});

describe("bootstrap", () => {
  const random = seededRandom(7);
  // 200 normal-ish values (sum of 12 uniforms − 6), mean ≈ 0.5, SD ≈ 1.
  const sample = Array.from(
    { length: 200 },
    () => Array.from({ length: 12 }, random).reduce((a, b) => a + b) - 5.5,
  );

  it("is reproducible from its seed, and another seed moves it", () => {
    expect(bootstrapMeanInterval(sample, { seed: 1 })).toEqual(bootstrapMeanInterval(sample, { seed: 1 }));
    expect(bootstrapMeanInterval(sample, { seed: 1 })).not.toEqual(
      bootstrapMeanInterval(sample, { seed: 2 }),
    );
  });

  it("agrees with the normal-theory interval of the mean on a large sample", () => {
    const { low, high } = bootstrapMeanInterval(sample, { resamples: 4000 });
    const centre = mean(sample);
    const half = (1.96 * sampleStandardDeviation(sample)) / Math.sqrt(sample.length);
    expect(low).toBeLessThan(centre);
    expect(high).toBeGreaterThan(centre);
    expect((high - low) / 2).toBeGreaterThan(half * 0.9);
    expect((high - low) / 2).toBeLessThan(half * 1.1);
    const wide = bootstrapMeanInterval(sample, { confidence: 0.99 });
    expect(wide.high - wide.low).toBeGreaterThan(high - low);
  });

  it("collapses to the value for n = 1 or all-equal values, and refuses empty samples", () => {
    expect(bootstrapMeanInterval([4])).toEqual({ low: 4, high: 4 });
    expect(bootstrapMeanInterval([2, 2, 2])).toEqual({ low: 2, high: 2 });
    expect(() => bootstrapMeanInterval([])).toThrow(/at least one value/);
    expect(() => bootstrapMeanInterval([1], { confidence: 1 })).toThrow(/confidence/);
  });

  it("brackets the difference of two means", () => {
    const shifted = sample.map((v) => v + 1);
    const { low, high } = bootstrapDifferenceInterval(shifted, sample);
    expect(low).toBeGreaterThan(0.7);
    expect(high).toBeLessThan(1.3);
  });

  it("paired: a clear shift has the smallest p, no shift has p = 1, p is never 0", () => {
    const shift = sample.map((v) => 1 + v / 10);
    const clear = pairedBootstrap(shift, { resamples: 999 });
    expect(clear.pValue).toBe(1 / 1000);
    expect(clear.low).toBeGreaterThan(0.9);
    expect(clear.meanDifference).toBeCloseTo(mean(shift), 12);
    expect(pairedBootstrap([0, 0, 0])).toMatchObject({ meanDifference: 0, low: 0, high: 0, pValue: 1 });
    expect(pairedBootstrap([1])).toMatchObject({ meanDifference: 1, low: 1, high: 1, pValue: 1 });
    const noise = pairedBootstrap(sample.map((v) => v - mean(sample)));
    expect(noise.pValue).toBeGreaterThan(0.5);
    expect(noise.low).toBeLessThan(0);
    expect(noise.high).toBeGreaterThan(0);
  });
});
