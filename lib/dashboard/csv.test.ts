import { describe, expect, it } from "vitest";
import { csvRecords } from "@/lib/stats/ratings-csv";
import { aggregateResults } from "./aggregate";
import { RESULTS_CSV_COLUMNS, resultsCsvStream } from "./csv";
import type { ResultsDashboard, SessionResult } from "./schema";

const sessions: SessionResult[] = [1, 2, 3].flatMap((p) =>
  (["magnet", "no_selector"] as const).map((variant) => ({
    id: `${variant}-${p}`,
    profileId: `p${p}`,
    client: `Client, "${p}"`,
    attitude: "negative" as const,
    variant,
    status: "completed",
    values: { rounds: p + (variant === "magnet" ? 1 : 0) },
  })),
);

describe("resultsCsvStream", () => {
  it("streams a summary row per variant and metric, a difference row per comparison and the set diversity", async () => {
    const dashboard: ResultsDashboard = {
      ...aggregateResults(sessions, { resamples: 100 }),
      judges: { models: [], simulated: false },
      sessions,
      diversity: [
        {
          group: "all",
          variant: "magnet",
          sessions: 3,
          distinct1: 0.5,
          distinct2: 0.75,
          distinct3: 0.9,
          ead: 0.8,
        },
      ],
      bootstrap: { resamples: 100, confidence: 0.95 },
    };
    const text = await new Response(resultsCsvStream(dashboard)).text();
    const [header, ...rows] = csvRecords(text).map((r) => r.fields);
    expect(header).toEqual([...RESULTS_CSV_COLUMNS]);
    const column = (name: (typeof RESULTS_CSV_COLUMNS)[number]) => RESULTS_CSV_COLUMNS.indexOf(name);
    expect(rows.filter((r) => r[column("kind")] === "summary")).toHaveLength(dashboard.summaries.length);
    const rounds = rows.find(
      (r) =>
        r[column("kind")] === "difference" &&
        r[column("metric")] === "rounds" &&
        r[column("group")] === "negative",
    );
    expect(rounds?.[column("variant")]).toBe("magnet");
    expect(rounds?.[column("variant_b")]).toBe("no_selector");
    expect(rounds?.[column("design")]).toBe("paired");
    expect(Number(rounds?.[column("mean_difference")])).toBe(1);
    expect(rows.filter((r) => r[column("kind")] === "set").map((r) => r[column("metric")])).toEqual([
      "set.distinct1",
      "set.distinct2",
      "set.distinct3",
      "set.ead",
    ]);
  });
});
