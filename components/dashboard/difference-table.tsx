"use client";

import { Badge } from "@/components/ui/badge";
import { type Column, DataTable } from "@/components/ui/data-table";
import { metricByKey } from "@/lib/dashboard/metrics";
import type { VariantComparison } from "@/lib/dashboard/schema";
import { formatP, formatValue, variantLabel } from "./format";

const TESTS: Record<VariantComparison["test"], string> = {
  wilcoxon: "Wilcoxon",
  "mann-whitney": "Mann–Whitney",
};

const effect = (value: number | null) => (value === null ? "—" : value.toFixed(2));

const COLUMNS: Column<VariantComparison>[] = [
  { key: "metric", header: "Metric", cell: (c) => metricByKey(c.metric)?.label ?? c.metric },
  {
    key: "pair",
    header: "Difference",
    className: "whitespace-nowrap",
    cell: (c) => `${variantLabel(c.a)} − ${variantLabel(c.b)}`,
  },
  {
    key: "mean",
    header: "Mean [95% CI]",
    className: "whitespace-nowrap tabular-nums",
    cell: (c) =>
      `${formatValue(c.meanDifference, c.metric)} [${formatValue(c.ci.low, c.metric)}, ${formatValue(c.ci.high, c.metric)}]`,
  },
  {
    key: "test",
    header: "Test",
    className: "whitespace-nowrap",
    cell: (c) => `${TESTS[c.test]} · ${c.design === "paired" ? `${c.n} pairs` : `n ${c.n}`}`,
  },
  { key: "p", header: "p", className: "tabular-nums", cell: (c) => formatP(c.pValue) },
  {
    key: "holm",
    header: "p (Holm)",
    className: "whitespace-nowrap tabular-nums",
    cell: (c) => (
      <span className="inline-flex items-center gap-1.5">
        {formatP(c.pHolm)}
        {c.pHolm < 0.05 ? <Badge tone="accent">significant</Badge> : null}
      </span>
    ),
  },
  { key: "delta", header: "Cliff's delta", className: "tabular-nums", cell: (c) => effect(c.cliffsDelta) },
  {
    key: "d",
    header: "Cohen's d",
    className: "whitespace-nowrap tabular-nums",
    cell: (c) => `${effect(c.cohensD)}${c.design === "paired" && c.cohensD !== null ? " (d_z)" : ""}`,
  },
];

/** Every difference between two variants in the group: test, interval and effect sizes. */
export function DifferenceTable({ comparisons }: { comparisons: readonly VariantComparison[] }) {
  return (
    <DataTable
      columns={COLUMNS}
      rows={[...comparisons]}
      rowKey={(c) => `${c.metric}|${c.a}|${c.b}`}
      label="Differences between variants"
      testId="difference-table"
    />
  );
}
