"use client";

import { Bar, BarChart, CartesianGrid, Cell, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { DashboardMetric } from "@/lib/dashboard/metrics";
import type { MetricSummary } from "@/lib/dashboard/schema";
import { formatValue, VARIANT_FILLS, variantLabel } from "./format";
import type { Selection } from "./use-results-selection";

/**
 * Mean per variant for a family of metrics, as horizontal bars (long labels fit a phone). A click on
 * a bar opens its sessions; the table below holds the same numbers for keyboards and screen readers.
 */
export function MetricChart({
  title,
  metrics,
  variants,
  summaries,
  domain,
  selection,
  onSelect,
}: {
  title: string;
  domain?: [number, number];
  /** The bar whose sessions are open, outlined. */
  selection: Selection | null;
  metrics: readonly DashboardMetric[];
  variants: readonly string[];
  summaries: readonly MetricSummary[];
  onSelect: (selection: Selection) => void;
}) {
  const data = metrics.map((metric) => {
    const row: Record<string, string | number | null> = { metric: metric.key, label: metric.short };
    for (const variant of variants) {
      row[variant] = summaries.find((s) => s.metric === metric.key && s.variant === variant)?.mean ?? null;
    }
    return row;
  });
  const height = 60 + metrics.length * (variants.length * 16 + 14);
  return (
    <figure className="m-0 min-w-0" aria-label={`${title}: mean per variant`} data-testid="metric-chart">
      <BarChart
        responsive
        layout="vertical"
        data={data}
        style={{ width: "100%", height }}
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke="var(--border)" />
        <XAxis
          type="number"
          domain={domain}
          tick={{ fill: "var(--fg-muted)", fontSize: 12 }}
          stroke="var(--border)"
        />
        <YAxis
          type="category"
          dataKey="label"
          width={128}
          tick={{ fill: "var(--fg)", fontSize: 12 }}
          stroke="var(--border)"
        />
        <Tooltip
          formatter={(value, name, item) => [
            formatValue(value as number, item.payload.metric),
            variantLabel(String(name)),
          ]}
          contentStyle={{
            background: "var(--surface-raised)",
            borderColor: "var(--border)",
            color: "var(--fg)",
          }}
          cursor={{ fill: "var(--surface-muted)" }}
        />
        <Legend
          formatter={(value) => <span style={{ color: "var(--fg)" }}>{variantLabel(String(value))}</span>}
        />
        {variants.map((variant) => (
          <Bar
            key={variant}
            dataKey={variant}
            name={variant}
            fill={VARIANT_FILLS[variant] ?? "var(--accent)"}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(item) => onSelect({ metric: String(item.payload?.metric), variant })}
          >
            {data.map((row) => {
              const selected = selection?.variant === variant && selection.metric === row.metric;
              return (
                <Cell
                  key={String(row.metric)}
                  stroke={selected ? "var(--fg)" : undefined}
                  strokeWidth={selected ? 2 : 0}
                />
              );
            })}
          </Bar>
        ))}
      </BarChart>
      <figcaption className="sr-only">
        {title}. Mean per variant; the summary table below has the same numbers with the standard deviation
        and n.
      </figcaption>
    </figure>
  );
}
