// Per variant and group: mean, SD and n of every metric; between every two variants: a test, a
// bootstrap interval and effect sizes, Holm-adjusted over the items of a metric family (the six CTRS
// items, the five technique shares, …) within one comparison. Pure, so it is tested on
// seeded data without a database.
import { mean, sampleStandardDeviation } from "simple-statistics";
import { VARIANTS } from "@/lib/pipeline/types";
import { bootstrapDifferenceInterval, pairedBootstrap } from "@/lib/stats/bootstrap";
import { cliffsDelta, cohensD, cohensDz } from "@/lib/stats/effect-size";
import { holm } from "@/lib/stats/holm";
import { hashText } from "@/lib/stats/random";
import { mannWhitneyU, wilcoxonSignedRank } from "@/lib/stats/rank-tests";
import { DASHBOARD_METRICS, METRIC_FAMILIES, METRIC_KEYS } from "./metrics";
import {
  inGroup,
  type MetricSummary,
  RESULT_GROUPS,
  type SessionResult,
  type VariantComparison,
} from "./schema";

export interface AggregateOptions {
  resamples?: number;
  confidence?: number;
}

type Variant = SessionResult["variant"];

function valuesOf(sessions: readonly SessionResult[], metric: string): number[] {
  return sessions.map((s) => s.values[metric]).filter((v): v is number => v !== null && v !== undefined);
}

export function summarize(values: readonly number[]): Pick<MetricSummary, "n" | "mean" | "sd"> {
  return {
    n: values.length,
    mean: values.length ? mean([...values]) : null,
    sd: values.length > 1 ? sampleStandardDeviation([...values]) : null,
  };
}

/** Per (profile, attitude) seed, the mean of a variant's repeats. */
function bySeed(sessions: readonly SessionResult[], metric: string): Map<string, number> {
  const seeds = new Map<string, number[]>();
  for (const session of sessions) {
    const value = session.values[metric];
    if (value === null || value === undefined) continue;
    const key = `${session.profileId}|${session.attitude}`;
    seeds.set(key, [...(seeds.get(key) ?? []), value]);
  }
  return new Map([...seeds].map(([key, values]) => [key, mean(values)]));
}

/**
 * Paired when the two variants ran on the same seeds: at least two matched seeds, covering at least
 * half of the smaller variant's seeds (an experiment's crossed design always is; a few failed
 * sessions drop their seed only). Otherwise the sessions are compared as independent samples.
 */
function compare(
  a: readonly SessionResult[],
  b: readonly SessionResult[],
  metric: string,
  seed: number,
  options: AggregateOptions,
): Omit<VariantComparison, "group" | "metric" | "a" | "b" | "pHolm"> | null {
  const seedsA = bySeed(a, metric);
  const seedsB = bySeed(b, metric);
  const matched = [...seedsA.keys()].filter((key) => seedsB.has(key));
  const bootstrap = { ...options, seed };
  if (matched.length >= 2 && matched.length * 2 >= Math.min(seedsA.size, seedsB.size)) {
    const x = matched.map((key) => seedsA.get(key) as number);
    const y = matched.map((key) => seedsB.get(key) as number);
    const differences = x.map((value, i) => value - y[i]);
    const test = wilcoxonSignedRank(differences);
    const { meanDifference, low, high } = pairedBootstrap(differences, bootstrap);
    return {
      design: "paired",
      test: "wilcoxon",
      n: matched.length,
      statistic: test.statistic,
      pValue: test.pValue,
      meanDifference,
      ci: { low, high },
      cliffsDelta: cliffsDelta(x, y),
      cohensD: cohensDz(differences),
    };
  }
  const x = valuesOf(a, metric);
  const y = valuesOf(b, metric);
  if (x.length === 0 || y.length === 0) return null;
  const test = mannWhitneyU(x, y);
  return {
    design: "independent",
    test: "mann-whitney",
    n: x.length + y.length,
    statistic: test.statistic,
    pValue: test.pValue,
    meanDifference: mean(x) - mean(y),
    ci: bootstrapDifferenceInterval(x, y, bootstrap),
    cliffsDelta: cliffsDelta(x, y),
    cohensD: cohensD(x, y),
  };
}

export function aggregateResults(sessions: readonly SessionResult[], options: AggregateOptions = {}) {
  const variants = VARIANTS.filter((v) => sessions.some((s) => s.variant === v));
  const groups = RESULT_GROUPS.filter((g) => g === "all" || sessions.some((s) => s.attitude === g));
  const summaries: MetricSummary[] = [];
  const comparisons: VariantComparison[] = [];
  for (const group of groups) {
    const of = (variant: Variant) => sessions.filter((s) => s.variant === variant && inGroup(s, group));
    for (const variant of variants) {
      for (const metric of METRIC_KEYS)
        summaries.push({ group, variant, metric, ...summarize(valuesOf(of(variant), metric)) });
    }
    variants.forEach((a, i) => {
      for (const b of variants.slice(i + 1)) {
        const compared = DASHBOARD_METRICS.flatMap((metric) => {
          const result = compare(
            of(a),
            of(b),
            metric.key,
            hashText(`${group}|${a}|${b}|${metric.key}`),
            options,
          );
          return result
            ? [
                {
                  family: metric.family,
                  comparison: { group, metric: metric.key, a, b, ...result, pHolm: result.pValue },
                },
              ]
            : [];
        });
        for (const family of METRIC_FAMILIES) {
          const members = compared.filter((c) => c.family === family).map((c) => c.comparison);
          const adjusted = holm(members.map((c) => c.pValue));
          members.forEach((c, k) => {
            c.pHolm = adjusted[k] ?? c.pValue;
          });
        }
        comparisons.push(...compared.map((c) => c.comparison));
      }
    });
  }
  return { variants, groups, summaries, comparisons };
}
