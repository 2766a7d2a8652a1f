// What the results dashboard measures per session, and which way is better. Client-safe: the page
// labels its charts and sorts drill-downs with these.
import { SPECIALIST_LABELS, SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import { CTRS } from "@/lib/eval/scales";

export const METRIC_FAMILIES = ["ctrs", "alliance", "techniques", "length", "usage"] as const;
export type MetricFamily = (typeof METRIC_FAMILIES)[number];

export const METRIC_FAMILY_LABELS: Record<MetricFamily, string> = {
  ctrs: "CTRS per item (0–6)",
  alliance: "Alliance, affect and diversity",
  techniques: "Technique selection (share of rounds)",
  length: "Session length",
  usage: "Tokens and cost",
};

/** Fixed axis ranges where the scale has one; the others fit their data. */
export const METRIC_FAMILY_DOMAINS: Partial<Record<MetricFamily, [number, number]>> = {
  ctrs: [0, 6],
  techniques: [0, 1],
};

export interface DashboardMetric {
  key: string;
  label: string;
  /** For chart axes, where the family already says the scale. */
  short: string;
  family: MetricFamily;
  /** Which way is better; null where neither is (length, technique shares): "worst" is the highest. */
  better: "higher" | "lower" | null;
  digits: number;
}

export const DASHBOARD_METRICS: readonly DashboardMetric[] = [
  ...CTRS.items.map((item) => ({
    key: `ctrs.${item.key}`,
    label: `CTRS ${item.label.toLowerCase()}`,
    short: item.label,
    family: "ctrs" as const,
    better: "higher" as const,
    digits: 2,
  })),
  {
    key: "ctrs",
    label: "CTRS mean of items",
    short: "Mean of items",
    family: "ctrs",
    better: "higher",
    digits: 2,
  },
  {
    key: "wai",
    label: "WAI mean (raw, as in the paper)",
    short: "WAI",
    family: "alliance",
    better: "higher",
    digits: 2,
  },
  {
    key: "panas.positive",
    label: "PANAS positive shift",
    short: "PANAS positive shift",
    family: "alliance",
    better: "higher",
    digits: 2,
  },
  {
    key: "panas.negative",
    label: "PANAS negative shift",
    short: "PANAS negative shift",
    family: "alliance",
    better: "lower",
    digits: 2,
  },
  {
    key: "ead",
    label: "Diversity: EAD within the session",
    short: "EAD",
    family: "alliance",
    better: "higher",
    digits: 3,
  },
  ...SPECIALIST_TECHNIQUES.map((technique) => ({
    key: `technique.${technique}`,
    label: `${SPECIALIST_LABELS[technique]} selected`,
    short: SPECIALIST_LABELS[technique],
    family: "techniques" as const,
    better: null,
    digits: 2,
  })),
  { key: "rounds", label: "Rounds", short: "Rounds", family: "length", better: null, digits: 1 },
  { key: "tokens", label: "Tokens (in + out)", short: "Tokens", family: "usage", better: "lower", digits: 0 },
  {
    key: "cost",
    label: "Cost (USD, as reported)",
    short: "Cost (USD)",
    family: "usage",
    better: "lower",
    digits: 4,
  },
];

export const METRIC_KEYS = DASHBOARD_METRICS.map((m) => m.key);

export function metricByKey(key: string): DashboardMetric | undefined {
  return DASHBOARD_METRICS.find((m) => m.key === key);
}

/** Sessions worst first for a metric: the lowest first where higher is better, else the highest; no value last. */
export function worstFirst<T extends { values: Record<string, number | null> }>(
  rows: readonly T[],
  key: string,
): T[] {
  const metric = metricByKey(key);
  const sign = metric?.better === "higher" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a.values[key];
    const y = b.values[key];
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
    if (y === null || y === undefined) return -1;
    return sign * (x - y);
  });
}
