import type { Target } from "./types";

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function ratio(numerator: number, denominator: number): number {
  return Math.round((numerator / denominator) * 1000) / 1000;
}

/** Columns right-aligned under their headers. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padStart(widths[i])).join("  ");
  return [line(headers), ...rows.map(line)];
}

export function passes(target: Target): boolean {
  return target.kind === "max" ? target.value <= target.goal : target.value >= target.goal;
}

export function formatTarget(target: Target): string {
  const sign = target.kind === "max" ? "≤" : "≥";
  const verdict = passes(target) ? "PASS" : "MISS";
  return `${verdict}  ${target.name}: ${target.value.toFixed(3)} (target ${sign} ${target.goal})`;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Milliseconds with one decimal. */
export function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : "–";
}
