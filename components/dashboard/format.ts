import { VARIANT_LABELS } from "@/components/ui/labels";
import { metricByKey } from "@/lib/dashboard/metrics";
import type { ResultGroup } from "@/lib/dashboard/schema";

export const GROUP_LABELS: Record<ResultGroup, string> = {
  all: "All attitudes",
  positive: "Positive",
  neutral: "Neutral",
  negative: "Negative",
};

/** Bar fills per variant, from the theme's tokens so both themes keep their contrast. */
export const VARIANT_FILLS: Record<string, string> = {
  magnet: "var(--accent)",
  no_planner: "var(--warning)",
  no_selector: "var(--success)",
  no_planner_no_selector: "var(--danger)",
  cactus_baseline: "var(--fg-muted)",
  psych8k_baseline: "oklch(0.6 0.15 300)",
};

export const variantLabel = (variant: string) => VARIANT_LABELS[variant] ?? variant;

export function formatValue(value: number | null | undefined, metric?: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  const digits = metric ? (metricByKey(metric)?.digits ?? 2) : 2;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatP(p: number): string {
  if (p < 0.001) return "< 0.001";
  return p.toFixed(3);
}
