import "server-only";
import { getDb } from "@/lib/db/client";
import type { SessionScores } from "@/lib/export/csv";

/** Mean of the item means of the last judge's succeeded results, per scale, for exports and lists. */
export async function sessionScoresOf(sessionId: string): Promise<SessionScores> {
  const rows = await getDb().evaluationResult.findMany({
    where: { sessionId, metric: { in: ["ctrs", "wai"] }, status: "succeeded" },
    select: { metric: true, item: true, score: true, judgeModel: true, simulated: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  const judgeModel = rows[0]?.judgeModel ?? null;
  const ofJudge = rows.filter((row) => row.judgeModel === judgeModel);
  return {
    ctrs: meanOfItemMeans(ofJudge.filter((row) => row.metric === "ctrs")),
    wai: meanOfItemMeans(ofJudge.filter((row) => row.metric === "wai")),
    judgeModel,
    simulated: ofJudge.some((row) => row.simulated),
  };
}

function meanOfItemMeans(rows: { item: string; score: number | null }[]): number | null {
  const byItem = new Map<string, number[]>();
  for (const row of rows) {
    if (row.score === null) continue;
    byItem.set(row.item, [...(byItem.get(row.item) ?? []), row.score]);
  }
  if (byItem.size === 0) return null;
  const means = [...byItem.values()].map((scores) => scores.reduce((a, b) => a + b, 0) / scores.length);
  return means.reduce((a, b) => a + b, 0) / means.length;
}
