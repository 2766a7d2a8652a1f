import "server-only";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { mean, scaleMean, summarizeItems, waiMeans } from "./report";
import { CTRS, PANAS, panasAffect, type Scale, WAI } from "./scales";
import type { JudgedScale, JudgeEvaluation, SessionEvaluations } from "./schema";

const SCALE_OF: Record<JudgedScale["metric"], Scale> = {
  ctrs: CTRS,
  wai: WAI,
  panas_before: PANAS,
  panas_after: PANAS,
};
const ORDER: JudgedScale["metric"][] = ["ctrs", "wai", "panas_before", "panas_after"];

/** Every judge's scores for a session, item by item with each run's reason; PANAS before from its profile. */
export async function getSessionEvaluationsById({ id }: { id: string }): Promise<SessionEvaluations> {
  const db = getDb();
  const session = await db.session.findUnique({ where: { id }, select: { profileId: true } });
  if (!session) throw notFound("Session", id);
  const rows = await db.evaluationResult.findMany({
    where: {
      OR: [
        { sessionId: id, metric: { in: ["ctrs", "wai", "panas_after"] } },
        { profileId: session.profileId, metric: "panas_before" },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { run: "asc" }],
  });
  const judges = [...new Set(rows.map((r) => r.judgeModel ?? "unknown"))];
  return {
    sessionId: id,
    judges: judges.map((judgeModel): JudgeEvaluation => {
      const ofJudge = rows.filter((r) => (r.judgeModel ?? "unknown") === judgeModel);
      const scales = ORDER.filter((metric) => ofJudge.some((r) => r.metric === metric)).map((metric) =>
        judgedScale(
          metric,
          ofJudge.filter((r) => r.metric === metric),
        ),
      );
      return {
        judgeModel,
        simulated: ofJudge.some((r) => r.simulated),
        evaluatedAt: ofJudge[0].createdAt.toISOString(),
        scales,
      };
    }),
  };
}

type Row = Awaited<ReturnType<ReturnType<typeof getDb>["evaluationResult"]["findMany"]>>[number];

function judgedScale(metric: JudgedScale["metric"], rows: Row[]): JudgedScale {
  const scale = SCALE_OF[metric];
  const summaries = summarizeItems(rows.map((r) => ({ item: r.item, run: r.run, score: r.score })));
  const items = scale.items
    .filter((item) => summaries[item.key])
    .map((item) => ({
      key: item.key,
      label: item.label,
      mean: summaries[item.key].mean,
      runs: rows
        .filter((r) => r.item === item.key)
        .sort((a, b) => a.run - b.run)
        .map((r) => ({
          run: r.run,
          status: r.status,
          score: r.score,
          reason: r.reason,
          error: r.error,
          agentCallId: r.agentCallId,
        })),
    }));
  const base = { metric, min: scale.min, max: scale.max, items };
  if (metric === "wai") {
    const { raw, reversed } = waiMeans(summaries, scale.items.length);
    return { ...base, mean: raw, meanReversed: reversed };
  }
  if (metric.startsWith("panas")) {
    const affectMean = (affect: "positive" | "negative") =>
      mean(
        items
          .filter((i) => panasAffect(i.key) === affect)
          .map((i) => i.mean)
          .filter((m): m is number => m !== null),
      );
    return {
      ...base,
      mean: null,
      affect: { positive: affectMean("positive"), negative: affectMean("negative") },
    };
  }
  return { ...base, mean: scaleMean(summaries, scale.items.length) };
}
