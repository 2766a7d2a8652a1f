"use client";

import { type Column, DataTable } from "@/components/ui/data-table";
import type { DashboardMetric } from "@/lib/dashboard/metrics";
import type { MetricSummary } from "@/lib/dashboard/schema";
import { formatValue, variantLabel } from "./format";
import type { Selection } from "./use-results-selection";

/** Mean ± SD (n) per metric and variant; each cell opens its sessions, worst first. */
export function SummaryTable({
  metrics,
  variants,
  summaries,
  onSelect,
}: {
  metrics: readonly DashboardMetric[];
  variants: readonly string[];
  summaries: readonly MetricSummary[];
  onSelect: (selection: Selection) => void;
}) {
  const columns: Column<DashboardMetric>[] = [
    { key: "metric", header: "Metric", cell: (metric) => metric.label },
    ...variants.map((variant) => ({
      key: variant,
      header: variantLabel(variant),
      className: "whitespace-nowrap tabular-nums",
      cell: (metric: DashboardMetric) => {
        const summary = summaries.find((s) => s.metric === metric.key && s.variant === variant);
        if (!summary || summary.n === 0) return <span className="text-fg-muted">no values</span>;
        return (
          <button
            type="button"
            className="text-left text-accent hover:underline"
            aria-label={`${metric.label}, ${variantLabel(variant)}: mean ${formatValue(summary.mean, metric.key)}, SD ${formatValue(summary.sd, metric.key)}, n ${summary.n}. Open its sessions, worst first`}
            onClick={() => onSelect({ metric: metric.key, variant })}
          >
            {formatValue(summary.mean, metric.key)}
            <span className="text-fg-muted"> ± {formatValue(summary.sd, metric.key)}</span>
            <span className="text-xs text-fg-muted"> (n {summary.n})</span>
          </button>
        );
      },
    })),
  ];
  return (
    <DataTable
      columns={columns}
      rows={[...metrics]}
      rowKey={(m) => m.key}
      label="Mean, SD and n per variant"
      testId="summary-table"
    />
  );
}
