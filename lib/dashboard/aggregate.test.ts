import { mean, sampleStandardDeviation } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/stats/random";
import { wilcoxonSignedRank } from "@/lib/stats/rank-tests";
import { aggregateResults } from "./aggregate";
import { worstFirst } from "./metrics";
import type { SessionResult } from "./schema";

// A seeded experiment: 6 profiles per attitude × 3 attitudes × 2 variants × 2 repeats. MAGneT's CTRS
// understanding is 1 point above No selector's on every seed, plus noise; its PANAS negative shift is
// the same on average.
const random = seededRandom(42);
const noise = () => random() - 0.5;
const ATTITUDES = ["positive", "neutral", "negative"] as const;

function experiment(options: { shareProfiles: boolean }): SessionResult[] {
  const sessions: SessionResult[] = [];
  for (const attitude of ATTITUDES) {
    for (let p = 0; p < 6; p++) {
      const seedScore = 2 + 3 * random();
      for (const variant of ["magnet", "no_selector"] as const) {
        for (let repeat = 0; repeat < 2; repeat++) {
          const profileId = options.shareProfiles ? `${attitude}-${p}` : `${variant}-${attitude}-${p}`;
          sessions.push({
            id: `${variant}-${attitude}-${p}-${repeat}`,
            profileId,
            client: `Client ${p}`,
            attitude,
            variant,
            status: "completed",
            values: {
              "ctrs.understanding": seedScore + (variant === "magnet" ? 1 : 0) + noise() * 0.4,
              "ctrs.focus": seedScore + noise(),
              "panas.negative": noise(),
              rounds: 10 + p,
              cost: null,
            },
          });
        }
      }
    }
  }
  return sessions;
}

describe("aggregateResults", () => {
  const sessions = experiment({ shareProfiles: true });
  const result = aggregateResults(sessions, { resamples: 500 });

  it("summarizes each metric per variant, overall and per attitude, with mean, SD and n", () => {
    expect(result.variants).toEqual(["magnet", "no_selector"]);
    expect(result.groups).toEqual(["all", "positive", "neutral", "negative"]);
    const negatives = sessions
      .filter((s) => s.variant === "magnet" && s.attitude === "negative")
      .map((s) => s.values["ctrs.understanding"] as number);
    const summary = result.summaries.find(
      (s) => s.group === "negative" && s.variant === "magnet" && s.metric === "ctrs.understanding",
    );
    expect(summary).toMatchObject({ n: 12 });
    expect(summary?.mean).toBeCloseTo(mean(negatives), 12);
    expect(summary?.sd).toBeCloseTo(sampleStandardDeviation(negatives), 12);
    expect(result.summaries.find((s) => s.group === "all" && s.metric === "cost")).toMatchObject({
      n: 0,
      mean: null,
      sd: null,
    });
  });

  it("pairs the variants on (profile, attitude), averaging repeats, and tests with Wilcoxon", () => {
    const ctrs = result.comparisons.find((c) => c.group === "all" && c.metric === "ctrs.understanding");
    expect(ctrs).toMatchObject({ a: "magnet", b: "no_selector", design: "paired", test: "wilcoxon", n: 18 });
    const seeds = [...new Set(sessions.map((s) => `${s.profileId}|${s.attitude}`))];
    const seedMean = (variant: string, seed: string) =>
      mean(
        sessions
          .filter((s) => s.variant === variant && `${s.profileId}|${s.attitude}` === seed)
          .map((s) => s.values["ctrs.understanding"] as number),
      );
    const differences = seeds.map((seed) => seedMean("magnet", seed) - seedMean("no_selector", seed));
    expect(ctrs?.pValue).toBeCloseTo(wilcoxonSignedRank(differences).pValue, 12);
    expect(ctrs?.meanDifference).toBeCloseTo(mean(differences), 12);
    expect(ctrs?.pValue).toBeLessThan(0.001);
    expect(ctrs?.ci.low).toBeGreaterThan(0.8);
    expect(ctrs?.ci.high).toBeLessThan(1.2);
    expect(ctrs?.cliffsDelta).toBeGreaterThan(0);
    expect(ctrs?.cohensD).toBeGreaterThan(2);
  });

  it("finds no difference where there is none, and Holm never lowers a p-value", () => {
    const panas = result.comparisons.find((c) => c.group === "all" && c.metric === "panas.negative");
    expect(panas?.pValue).toBeGreaterThan(0.05);
    expect(panas?.ci.low).toBeLessThan(0);
    expect(panas?.ci.high).toBeGreaterThan(0);
    for (const c of result.comparisons) expect(c.pHolm).toBeGreaterThanOrEqual(c.pValue);
    // Holm runs over a family's items: two CTRS items here, the smaller p doubled; PANAS and
    // rounds are alone in theirs (cost has no values, so no test).
    const negative = result.comparisons.filter((c) => c.group === "negative");
    expect(negative.map((c) => c.metric).sort()).toEqual([
      "ctrs.focus",
      "ctrs.understanding",
      "panas.negative",
      "rounds",
    ]);
    const [understanding, focus] = ["ctrs.understanding", "ctrs.focus"].map((m) =>
      negative.find((c) => c.metric === m),
    );
    expect(understanding?.pValue).toBeLessThan(focus?.pValue ?? 0);
    expect(understanding?.pHolm).toBeCloseTo(Math.min(1, 2 * (understanding?.pValue ?? 0)), 12);
    expect(focus?.pHolm).toBeCloseTo(Math.max(understanding?.pHolm ?? 0, focus?.pValue ?? 0), 12);
    const negativePanas = negative.find((c) => c.metric === "panas.negative");
    expect(negativePanas?.pHolm).toBe(negativePanas?.pValue as number);
    expect(negativePanas?.pValue).toBeGreaterThan(0);
  });

  it("is reproducible: the same sessions give the same intervals", () => {
    expect(aggregateResults(sessions, { resamples: 500 }).comparisons).toEqual(result.comparisons);
  });

  it("compares unmatched variants as independent samples with Mann–Whitney", () => {
    const independent = aggregateResults(experiment({ shareProfiles: false }), { resamples: 200 });
    const ctrs = independent.comparisons.find((c) => c.group === "all" && c.metric === "ctrs.understanding");
    expect(ctrs).toMatchObject({ design: "independent", test: "mann-whitney", n: 72 });
  });

  it("needs two variants to compare, and handles one session", () => {
    const one = aggregateResults(sessions.slice(0, 1));
    expect(one.comparisons).toEqual([]);
    expect(one.summaries.find((s) => s.metric === "rounds" && s.group === "all")).toMatchObject({
      n: 1,
      mean: 10,
      sd: null,
    });
    expect(aggregateResults([])).toMatchObject({ variants: [], groups: ["all"], comparisons: [] });
  });
});

describe("worstFirst", () => {
  const rows = [
    { id: "a", values: { ctrs: 3, "panas.negative": -1 } },
    { id: "b", values: { ctrs: null, "panas.negative": 2 } },
    { id: "c", values: { ctrs: 1, "panas.negative": null } },
    { id: "d", values: { ctrs: 5, "panas.negative": 0.5 } },
  ];

  it("puts the lowest first where higher is better, the highest where lower is better, no value last", () => {
    expect(worstFirst(rows, "ctrs").map((r) => r.id)).toEqual(["c", "a", "d", "b"]);
    expect(worstFirst(rows, "panas.negative").map((r) => r.id)).toEqual(["b", "d", "a", "c"]);
  });
});
