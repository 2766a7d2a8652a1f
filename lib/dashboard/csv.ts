// The dashboard's table as one long CSV: a row per variant summary (kind "summary"), per comparison
// of two variants (kind "difference") and per pooled diversity value (kind "set").
import { csvLine } from "@/lib/export/csv";
import { metricByKey } from "./metrics";
import type { ResultsDashboard } from "./schema";

export const RESULTS_CSV_COLUMNS = [
  "kind",
  "group",
  "metric",
  "metric_label",
  "variant",
  "variant_b",
  "n",
  "mean",
  "sd",
  "design",
  "test",
  "statistic",
  "p_value",
  "p_holm",
  "mean_difference",
  "ci_low",
  "ci_high",
  "cliffs_delta",
  "cohens_d",
] as const;

type Row = Partial<Record<(typeof RESULTS_CSV_COLUMNS)[number], string | number | null>>;

const line = (row: Row) => csvLine(RESULTS_CSV_COLUMNS.map((column) => row[column] ?? null));

export function* resultsCsvLines(dashboard: ResultsDashboard): Generator<string> {
  yield csvLine(RESULTS_CSV_COLUMNS);
  const label = (metric: string) => metricByKey(metric)?.label ?? metric;
  for (const s of dashboard.summaries) {
    yield line({ kind: "summary", ...s, metric_label: label(s.metric) });
  }
  for (const c of dashboard.comparisons) {
    yield line({
      kind: "difference",
      group: c.group,
      metric: c.metric,
      metric_label: label(c.metric),
      variant: c.a,
      variant_b: c.b,
      n: c.n,
      design: c.design,
      test: c.test,
      statistic: c.statistic,
      p_value: c.pValue,
      p_holm: c.pHolm,
      mean_difference: c.meanDifference,
      ci_low: c.ci.low,
      ci_high: c.ci.high,
      cliffs_delta: c.cliffsDelta,
      cohens_d: c.cohensD,
    });
  }
  for (const d of dashboard.diversity) {
    for (const metric of ["distinct1", "distinct2", "distinct3", "ead"] as const) {
      const name = `set.${metric}`;
      yield line({
        kind: "set",
        group: d.group,
        metric: name,
        metric_label: `${metric} over the pooled sessions`,
        variant: d.variant,
        n: d.sessions,
        mean: d[metric],
      });
    }
  }
}

/** The CSV as a byte stream, a chunk per row. */
export function resultsCsvStream(dashboard: ResultsDashboard): ReadableStream<Uint8Array> {
  const lines = resultsCsvLines(dashboard);
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      const next = lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}
