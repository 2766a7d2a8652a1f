import { describe, expect, it } from "vitest";
import { type PanasItemMean, panasShift, scaleMean, summarizeItems, waiMeans } from "./report";
import { PANAS_NEGATIVE, PANAS_POSITIVE } from "./scales";

describe("scale summaries", () => {
  it("an item's mean is over its runs that gave a score; a scale needs every item", () => {
    const items = summarizeItems([
      { item: "a", run: 2, score: 4 },
      { item: "a", run: 1, score: 2 },
      { item: "a", run: 3, score: null },
      { item: "b", run: 1, score: 6 },
    ]);
    expect(items.a).toEqual({ runs: [2, 4, null], mean: 3 });
    expect(scaleMean(items, 2)).toBe(4.5);
    expect(scaleMean(items, 3)).toBeNull();
    expect(scaleMean(summarizeItems([{ item: "a", run: 1, score: null }]), 1)).toBeNull();
  });

  it("WAI: raw as the paper reports it, and with items 4 and 10 reversed (8 − score)", () => {
    const keys = ["agreement_on_steps", "doubts_about_goals"];
    const items = summarizeItems(keys.map((item) => ({ item, run: 1, score: 6 })));
    expect(waiMeans(items, 2)).toEqual({ raw: 6, reversed: (6 + 2) / 2 });
  });
});

describe("PANAS shift", () => {
  it("(Σ after means − Σ before means) / 10, per attitude and affect", () => {
    const rows: PanasItemMean[] = [];
    for (const feeling of PANAS_POSITIVE) {
      rows.push({ attitude: "negative", when: "before", subject: "p1", feeling, mean: 2 });
      // Two sessions after: means 3 and 4 → 3.5 per feeling; shift (35 − 20) / 10 = 1.5.
      rows.push({ attitude: "negative", when: "after", subject: "s1", feeling, mean: 3 });
      rows.push({ attitude: "negative", when: "after", subject: "s2", feeling, mean: 4 });
    }
    for (const feeling of PANAS_NEGATIVE) {
      rows.push({ attitude: "negative", when: "before", subject: "p1", feeling, mean: 4 });
      rows.push({ attitude: "negative", when: "after", subject: "s1", feeling, mean: 3 });
    }
    expect(panasShift(rows)).toEqual({ negative: { positive: 1.5, negative: -1 } });
  });

  it("is null for an affect with a feeling not judged", () => {
    const rows: PanasItemMean[] = PANAS_POSITIVE.slice(1).flatMap((feeling) => [
      { attitude: "neutral" as const, when: "before" as const, subject: "p", feeling, mean: 1 },
      { attitude: "neutral" as const, when: "after" as const, subject: "s", feeling, mean: 2 },
    ]);
    expect(panasShift(rows).neutral).toEqual({ positive: null, negative: null });
  });
});
