// Krippendorff's alpha through the coincidence matrix, as in Krippendorff (2011), "Computing
// Krippendorff's Alpha-Reliability". Pure and dependency-free: the studio's agreement views and
// `npm run agreement` both call it.
import { AppError } from "@/lib/errors";

export type MeasurementLevel = "nominal" | "ordinal" | "interval" | "ratio";
export const MEASUREMENT_LEVELS: readonly MeasurementLevel[] = ["nominal", "ordinal", "interval", "ratio"];

/** One coder's value for one unit; null (or a blank string) is a missing value. */
export type Rating = { unit: string; coder: string; value: number | string | null };

type Value = number | string;

/**
 * The values of each unit, missing ones left out. Numeric strings become numbers, so "3" from a
 * CSV and 3 from the database are the same value.
 */
function valuesByUnit(ratings: readonly Rating[]): Value[][] {
  const byUnit = new Map<string, Map<string, Value>>();
  for (const { unit, coder, value } of ratings) {
    let coders = byUnit.get(unit);
    if (!coders) {
      coders = new Map();
      byUnit.set(unit, coders);
    }
    const normalized = normalize(value);
    if (normalized === null) continue;
    if (coders.has(coder)) {
      throw new AppError("validation", `coder ${coder} rated unit ${unit} twice`, [
        { field: "value", message: `duplicate rating of unit ${unit} by coder ${coder}` },
      ]);
    }
    coders.set(coder, normalized);
  }
  return [...byUnit.values()].map((coders) => [...coders.values()]);
}

/** Units with at least two values; the others cannot be paired. */
const pairable = (units: Value[][]) => units.filter((values) => values.length >= 2);

function normalize(value: number | string | null): Value | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw invalid(String(value), "a finite number");
    return value;
  }
  const text = value.trim();
  if (text === "") return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : text;
}

function invalid(value: string, expected: string): AppError {
  return new AppError("validation", `value ${JSON.stringify(value)} is not ${expected}`, [
    { field: "value", message: `expected ${expected}` },
  ]);
}

/** Distinct values in the order the metric needs (numeric for all but nominal), all checked. */
function distinctValues(units: Value[][], level: MeasurementLevel): Value[] {
  const distinct = [...new Set(units.flat())];
  if (level === "nominal") return distinct;
  for (const value of distinct) {
    if (typeof value !== "number") throw invalid(value, `a number (${level} level)`);
    if (level === "ratio" && value < 0) throw invalid(String(value), "non-negative (ratio level)");
  }
  return (distinct as number[]).sort((a, b) => a - b);
}

/** o[c][k] = Σ_u (number of c–k pairs in u) / (m_u − 1), over ordered pairs of different coders. */
function coincidences(units: Value[][], index: Map<Value, number>): number[][] {
  const size = index.size;
  const o = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const values of units) {
    const weight = 1 / (values.length - 1);
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        if (i === j) continue;
        const c = index.get(values[i]) as number;
        const k = index.get(values[j]) as number;
        o[c][k] += weight;
      }
    }
  }
  return o;
}

/** δ²(c, k) for values at positions c and k of `values`, given their marginals n_c. */
function squaredDistance(level: MeasurementLevel, values: Value[], marginals: number[]) {
  // Ordinal: the rank distance with marginal frequencies, Σ_{g=c..k} n_g − (n_c + n_k)/2.
  const cumulative = [0];
  for (const n of marginals) cumulative.push(cumulative[cumulative.length - 1] + n);
  return (c: number, k: number): number => {
    if (c === k) return 0;
    if (level === "nominal") return 1;
    const a = values[c] as number;
    const b = values[k] as number;
    if (level === "interval") return (a - b) ** 2;
    if (level === "ratio") return ((a - b) / (a + b)) ** 2;
    const [low, high] = c < k ? [c, k] : [k, c];
    return (cumulative[high + 1] - cumulative[low] - (marginals[c] + marginals[k]) / 2) ** 2;
  };
}

/**
 * Krippendorff's alpha for any number of coders, with missing values. `units` counts every unit
 * named in the ratings; `pairable` is n, the number of values in units with two or more values.
 * alpha is null when it is undefined: no pairable values, or no variation (expected disagreement 0).
 */
export function krippendorffAlpha(
  ratings: readonly Rating[],
  level: MeasurementLevel,
): { alpha: number | null; units: number; pairable: number } {
  const all = valuesByUnit(ratings);
  const units = pairable(all);
  const unitCount = all.length;
  // Values only single-coded units hold get zero marginals, which no metric counts.
  const values = distinctValues(all, level);
  const index = new Map(values.map((value, i) => [value, i]));
  const o = coincidences(units, index);
  const marginals = o.map((row) => row.reduce((sum, x) => sum + x, 0));
  const n = units.reduce((sum, unit) => sum + unit.length, 0);
  if (n < 2) return { alpha: null, units: unitCount, pairable: n };

  const delta = squaredDistance(level, values, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < values.length; c++) {
    for (let k = 0; k < values.length; k++) {
      const d = delta(c, k);
      observed += o[c][k] * d;
      expected += marginals[c] * marginals[k] * d;
    }
  }
  const alpha = expected === 0 ? null : 1 - ((n - 1) * observed) / expected;
  return { alpha, units: unitCount, pairable: n };
}

/**
 * Observed agreement A_o = Σ_c o_cc / n: within units, the share of pairable values matched by
 * the other coders' values, each unit's values weighted as in alpha. With two coders per unit it
 * is the share of units they agree on. Null when no unit has two values.
 */
export function percentAgreement(ratings: readonly Rating[]): number | null {
  const units = pairable(valuesByUnit(ratings));
  if (units.length === 0) return null;
  let agreeing = 0;
  let n = 0;
  for (const values of units) {
    const m = values.length;
    n += m;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) if (i !== j && values[i] === values[j]) agreeing += 1 / (m - 1);
    }
  }
  return agreeing / n;
}
