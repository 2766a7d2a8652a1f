import type { AttitudeName } from "@/lib/cbt/techniques";
import { panasAffect, reversedWai } from "./scales";

// Pure summaries of judged items: per item the mean of its successful runs, per scale the mean of the
// item means; WAI raw (as the paper reports it) and with items 4 and 10 reversed; the PANAS shift.

export interface RunScore {
  item: string;
  run: number;
  score: number | null;
}

export interface ItemSummary {
  runs: (number | null)[];
  /** Mean of the runs that gave a score; null when none did. */
  mean: number | null;
}

export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export function summarizeItems(rows: readonly RunScore[]): Record<string, ItemSummary> {
  const items: Record<string, ItemSummary> = {};
  for (const row of [...rows].sort((a, b) => a.run - b.run)) {
    const item = items[row.item] ?? { runs: [], mean: null };
    item.runs.push(row.score);
    items[row.item] = item;
  }
  for (const item of Object.values(items)) {
    item.mean = mean(item.runs.filter((s): s is number => s !== null));
  }
  return items;
}

/** Mean of the item means; null if any item has no score (a partial scale is not a scale score). */
export function scaleMean(
  items: Record<string, ItemSummary>,
  itemCount: number,
  map = (_k: string, v: number) => v,
) {
  const means = Object.entries(items).map(([key, item]) => (item.mean === null ? null : map(key, item.mean)));
  if (means.length < itemCount || means.some((m) => m === null)) return null;
  return mean(means.filter((m): m is number => m !== null));
}

export function waiMeans(items: Record<string, ItemSummary>, itemCount: number) {
  return { raw: scaleMean(items, itemCount), reversed: scaleMean(items, itemCount, reversedWai) };
}

export interface PanasItemMean {
  attitude: AttitudeName;
  when: "before" | "after";
  /** The subject: a profile (before) or a session (after). */
  subject: string;
  feeling: string;
  mean: number;
}

export interface PanasShift {
  positive: number | null;
  negative: number | null;
}

/**
 * Per attitude and affect: (Σ over the 10 feelings of the mean "after" score − Σ of the mean "before"
 * score) / 10, each feeling's mean taken over the subjects of that attitude.
 */
export function panasShift(rows: readonly PanasItemMean[]): Partial<Record<AttitudeName, PanasShift>> {
  const result: Partial<Record<AttitudeName, PanasShift>> = {};
  const attitudes = [...new Set(rows.map((r) => r.attitude))];
  for (const attitude of attitudes) {
    const shift = (affect: "positive" | "negative") => {
      const sumOfMeans = (when: "before" | "after") => {
        const byFeeling = new Map<string, number[]>();
        for (const r of rows) {
          if (r.attitude !== attitude || r.when !== when || panasAffect(r.feeling) !== affect) continue;
          byFeeling.set(r.feeling, [...(byFeeling.get(r.feeling) ?? []), r.mean]);
        }
        if (byFeeling.size < 10) return null;
        return [...byFeeling.values()].reduce((sum, scores) => sum + (mean(scores) ?? 0), 0);
      };
      const after = sumOfMeans("after");
      const before = sumOfMeans("before");
      return after === null || before === null ? null : (after - before) / 10;
    };
    result[attitude] = { positive: shift("positive"), negative: shift("negative") };
  }
  return result;
}
