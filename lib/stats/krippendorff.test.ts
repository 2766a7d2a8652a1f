import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  krippendorffAlpha,
  MEASUREMENT_LEVELS,
  type MeasurementLevel,
  percentAgreement,
  type Rating,
} from "./krippendorff";

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section E: 4 observers,
// 12 units, missing values as null.
const OBSERVERS: Record<string, (number | null)[]> = {
  A: [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  B: [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  C: [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  D: [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
};
const PUBLISHED: Rating[] = Object.entries(OBSERVERS).flatMap(([coder, values]) =>
  values.map((value, i) => ({ unit: `u${i + 1}`, coder, value })),
);

/** The pairwise definition, an oracle independent of the coincidence matrix: Do within units, De over all values. */
function pairwiseAlpha(units: number[][], distance: (a: number, b: number) => number): number {
  const pairable = units.filter((u) => u.length >= 2);
  const all = pairable.flat();
  const n = all.length;
  let observed = 0;
  for (const u of pairable) {
    let sum = 0;
    for (let i = 0; i < u.length; i++)
      for (let j = 0; j < u.length; j++) if (i !== j) sum += distance(u[i], u[j]);
    observed += sum / (u.length - 1);
  }
  let expected = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) expected += distance(all[i], all[j]);
  return 1 - observed / n / (expected / (n * (n - 1)));
}

describe("krippendorffAlpha on Krippendorff (2011)'s worked example", () => {
  it.each([
    ["nominal", 0.743],
    ["ordinal", 0.815],
    ["interval", 0.849],
  ] as const)("%s alpha is the published %s", (level, published) => {
    const result = krippendorffAlpha(PUBLISHED, level);
    expect(result.alpha).toBeCloseTo(published, 3);
    // Unit 12 has one value only; the other 11 units hold 40 pairable values.
    expect(result).toMatchObject({ units: 12, pairable: 40 });
  });

  it("nominal alpha is exactly 113/152, as derived by hand from the coincidence matrix", () => {
    expect(krippendorffAlpha(PUBLISHED, "nominal").alpha).toBeCloseTo(113 / 152, 12);
  });

  it("ratio alpha is 0.797, the exact fraction derived by hand from the pairwise definition", () => {
    // 18222619/22852465, computed with exact rational arithmetic from Do/De over value pairs
    // (not from this module's coincidence matrix).
    expect(krippendorffAlpha(PUBLISHED, "ratio").alpha).toBeCloseTo(18222619 / 22852465, 12);
    expect(krippendorffAlpha(PUBLISHED, "ratio").alpha).toBeCloseTo(0.797, 3);
  });

  it("percent agreement is the coincidence matrix's observed agreement", () => {
    // Σ o_cc = 32 of n = 40 pairable values: units 2 and 8 lose one value's matches, unit 6 all four.
    expect(percentAgreement(PUBLISHED)).toBeCloseTo(32 / 40, 12);
  });
});

describe("krippendorffAlpha with missing values and single-coded units", () => {
  it("ignores single-coded units and missing values, blank strings included", () => {
    const ratings: Rating[] = [
      { unit: "1", coder: "a", value: 1 },
      { unit: "1", coder: "b", value: 1 },
      { unit: "2", coder: "a", value: 2 },
      { unit: "2", coder: "b", value: 2 },
      { unit: "3", coder: "a", value: 3 },
      { unit: "3", coder: "b", value: "" },
      { unit: "4", coder: "a", value: null },
      { unit: "5", coder: "a", value: 1 },
      { unit: "5", coder: "b", value: 2 },
    ];
    const result = krippendorffAlpha(ratings, "nominal");
    expect(result.units).toBe(5);
    expect(result.pairable).toBe(6);
    // o = {1-1: 2, 2-2: 2, 1-2: 1, 2-1: 1}; n1 = n2 = 3; alpha = 1 - 5 × 2 / (2 × 3 × 3) = 4/9.
    expect(result.alpha).toBeCloseTo(4 / 9, 12);
    expect(percentAgreement(ratings)).toBeCloseTo(4 / 6, 12);
  });

  it("numeric strings and numbers are the same value", () => {
    const asText = PUBLISHED.map((r) => ({ ...r, value: r.value === null ? "" : String(r.value) }));
    expect(krippendorffAlpha(asText, "ordinal").alpha).toBeCloseTo(0.815, 3);
  });

  it("is undefined with no pairable values or no variation", () => {
    expect(krippendorffAlpha([], "nominal")).toEqual({ alpha: null, units: 0, pairable: 0 });
    expect(krippendorffAlpha([{ unit: "1", coder: "a", value: 1 }], "interval").alpha).toBeNull();
    const constant = ["a", "b", "c"].flatMap((coder) =>
      ["1", "2"].map((unit) => ({ unit, coder, value: 4 })),
    );
    expect(krippendorffAlpha(constant, "ordinal").alpha).toBeNull();
    expect(percentAgreement(constant)).toBe(1);
    expect(percentAgreement([{ unit: "1", coder: "a", value: 1 }])).toBeNull();
  });

  it("nominal accepts labels; the numeric levels name the offending value", () => {
    const labels: Rating[] = [
      { unit: "1", coder: "a", value: "harmful" },
      { unit: "1", coder: "b", value: "harmful" },
      { unit: "2", coder: "a", value: "other" },
      { unit: "2", coder: "b", value: "boundary" },
    ];
    expect(krippendorffAlpha(labels, "nominal").alpha).toBeCloseTo(1 - (3 * 2) / (4 * 4 - (4 + 1 + 1)), 12);
    expect(() => krippendorffAlpha(labels, "interval")).toThrow(/"harmful" is not a number/);
    expect(() => krippendorffAlpha([{ unit: "1", coder: "a", value: -1 }], "ratio")).toThrow(/non-negative/);
  });

  it("refuses a coder rating the same unit twice", () => {
    const twice: Rating[] = [
      { unit: "7", coder: "a", value: 1 },
      { unit: "7", coder: "a", value: 2 },
    ];
    expect(() => krippendorffAlpha(twice, "nominal")).toThrow(/coder a rated unit 7 twice/);
  });
});

const level = fc.constantFrom<MeasurementLevel>(...MEASUREMENT_LEVELS);
// Up to 8 units × 4 coders, values 0..5 or missing.
const table = fc.array(
  fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), { minLength: 4, maxLength: 4 }),
  {
    minLength: 1,
    maxLength: 8,
  },
);
const toRatings = (rows: (number | null)[][], coders: string[]): Rating[] =>
  rows.flatMap((row, u) => row.map((value, c) => ({ unit: String(u), coder: coders[c], value })));

describe("krippendorffAlpha properties", () => {
  it("perfect agreement with variation gives 1", () => {
    fc.assert(
      fc.property(
        level,
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 10 }),
        fc.integer({ min: 2, max: 5 }),
        (lvl, truth, coders) => {
          fc.pre(new Set(truth).size > 1);
          const ratings = truth.flatMap((value, u) =>
            Array.from({ length: coders }, (_, c) => ({ unit: String(u), coder: String(c), value })),
          );
          expect(krippendorffAlpha(ratings, lvl).alpha).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it("permuting the coders does not change alpha", () => {
    fc.assert(
      fc.property(
        level,
        table,
        fc.shuffledSubarray(["a", "b", "c", "d"], { minLength: 4, maxLength: 4 }),
        (lvl, rows, coders) => {
          const before = krippendorffAlpha(toRatings(rows, ["a", "b", "c", "d"]), lvl).alpha;
          const after = krippendorffAlpha(
            toRatings(
              rows.map((row) => coders.map((c) => row["abcd".indexOf(c)])),
              ["a", "b", "c", "d"],
            ),
            lvl,
          ).alpha;
          if (before === null) expect(after).toBeNull();
          else expect(after).toBeCloseTo(before, 10);
        },
      ),
    );
  });

  const distances = {
    nominal: (a: number, b: number) => (a === b ? 0 : 1),
    interval: (a: number, b: number) => (a - b) ** 2,
    ratio: (a: number, b: number) => (a === b ? 0 : ((a - b) / (a + b)) ** 2),
  };
  it.each(Object.keys(distances) as (keyof typeof distances)[])(
    "equals the pairwise definition for the %s metric",
    (lvl) => {
      fc.assert(
        fc.property(table, (rows) => {
          const alpha = krippendorffAlpha(toRatings(rows, ["a", "b", "c", "d"]), lvl).alpha;
          const units = rows.map((row) => row.filter((v): v is number => v !== null));
          fc.pre(alpha !== null);
          expect(alpha).toBeCloseTo(pairwiseAlpha(units, distances[lvl]), 9);
        }),
      );
    },
  );
});
