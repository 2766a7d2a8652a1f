// The results dashboard's request and answer, shared by the route, the page and the CSV export.
import { z } from "zod";
import { ATTITUDES, type AttitudeName } from "@/lib/cbt/techniques";
import type { Variant as SessionVariant } from "@/lib/pipeline/types";
import { sessionListQuerySchema } from "@/lib/sessions/schema";

export const RESULT_GROUPS = ["all", ...ATTITUDES] as const;
export type ResultGroup = (typeof RESULT_GROUPS)[number];

export function inGroup(session: { attitude: AttitudeName }, group: ResultGroup): boolean {
  return group === "all" || session.attitude === group;
}

const formatSchema = z.preprocess((v) => (v === "" ? undefined : v), z.enum(["json", "csv"]).default("json"));

export const resultsQuerySchema = z.object({ format: formatSchema }).strict();

/** The results of what the Sessions list's filters select. */
export const filteredResultsQuerySchema = sessionListQuerySchema
  .pick({
    search: true,
    status: true,
    variant: true,
    attitude: true,
    source: true,
    profileId: true,
    experiment: true,
  })
  .extend({ format: formatSchema })
  .strict();

/** One session's values, the unit of every statistic and of the drill-down. */
export interface SessionResult {
  id: string;
  profileId: string;
  client: string;
  attitude: AttitudeName;
  variant: SessionVariant;
  status: string;
  values: Record<string, number | null>;
}

export interface MetricSummary {
  group: ResultGroup;
  variant: SessionVariant;
  metric: string;
  n: number;
  mean: number | null;
  /** Sample standard deviation; null below two values. */
  sd: number | null;
}

export interface VariantComparison {
  group: ResultGroup;
  metric: string;
  /** The difference is a − b, a the earlier variant in the studio's order (MAGneT first). */
  a: SessionVariant;
  b: SessionVariant;
  /** Paired over matched (profile, attitude) seeds, repeats averaged; independent otherwise. */
  design: "paired" | "independent";
  test: "wilcoxon" | "mann-whitney";
  /** Pairs (paired) or sessions of both variants (independent). */
  n: number;
  statistic: number;
  pValue: number;
  /** Holm-adjusted over the metrics of the same family (e.g. the CTRS items) in this comparison. */
  pHolm: number;
  meanDifference: number;
  /** Bootstrap percentile interval of the mean difference (paired: of the mean of differences). */
  ci: { low: number; high: number };
  cliffsDelta: number | null;
  /** Cohen's d (independent, pooled SD) or d_z (paired). */
  cohensD: number | null;
}

/** Distinct-n and EAD over a group's sessions pooled, as the paper computes them: one value, no test. */
export interface SetDiversity {
  group: ResultGroup;
  variant: SessionVariant;
  sessions: number;
  distinct1: number;
  distinct2: number;
  distinct3: number;
  ead: number | null;
}

export interface ResultsDashboard {
  variants: SessionVariant[];
  groups: ResultGroup[];
  judges: { models: string[]; simulated: boolean };
  sessions: SessionResult[];
  summaries: MetricSummary[];
  comparisons: VariantComparison[];
  diversity: SetDiversity[];
  bootstrap: { resamples: number; confidence: number };
}
