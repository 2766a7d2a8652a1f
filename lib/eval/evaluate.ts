import "server-only";
import type { AttitudeName } from "@/lib/cbt/techniques";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { dialogueOf } from "@/lib/export/magnet";
import {
  countExportSessions,
  type ExportSession,
  limitToId,
  streamExportSessions,
} from "@/lib/export/records";
import type { ExportFilter } from "@/lib/export/schema";
import type { JudgeKind } from "@/lib/prompts/judge";
import type { ModelRef } from "@/lib/providers";
import { getEventPublisher } from "@/lib/runs/live-run";
import type { DiversityScores } from "./diversity";
import { storeDiversity } from "./diversity-sets";
import { hasPanasBefore, type ItemOutcome, type JudgeRun, judgeSession, saveOutcomes } from "./judge";
import { judgeModelRef } from "./judge-model";
import { getSessionEvaluationsById } from "./queries";
import {
  type ItemSummary,
  type PanasItemMean,
  type PanasShift,
  panasShift,
  scaleMean,
  summarizeItems,
  waiMeans,
} from "./report";
import { CTRS, type EvaluationMetric, type JudgedMetric, WAI } from "./scales";
import type { SessionEvaluations } from "./schema";

// A whole evaluation: the judged scales per session (stored as they finish) and diversity for the set.

export interface EvaluateOptions extends Omit<JudgeRun, "onItem"> {
  filter: ExportFilter & { ids?: string[] };
  metrics: EvaluationMetric[];
  onProgress?: (progress: EvaluateProgress) => void;
}

export interface EvaluateProgress {
  sessionsDone: number;
  sessions: number;
  itemsDone: number;
  itemsFailed: number;
}

export interface SessionReport {
  id: string;
  sessionNumber: number | null;
  variant: string;
  attitude: AttitudeName;
  ctrs?: { mean: number | null; items: Record<string, ItemSummary> };
  wai?: { mean: number | null; meanReversed: number | null; items: Record<string, ItemSummary> };
  panasAfter?: Record<string, ItemSummary>;
  panasBefore?: Record<string, ItemSummary>;
}

export interface EvaluationReport {
  judge: ModelRef;
  simulated: boolean;
  runs: number;
  filter: ExportFilter;
  sessions: SessionReport[];
  failures: { session: string; metric: JudgeKind; item: string; run: number; error: string }[];
  /** Per attitude: (Σ after − Σ before) / 10 for the positive and the negative feelings. */
  panasShift?: Partial<Record<AttitudeName, PanasShift>>;
  diversity?: { llama3: DiversityScores; words: DiversityScores };
  /** The paper's WAI numbers use the raw scores (items 4 and 10 not reversed). */
  waiNote: string;
}

export async function evaluateSet(options: EvaluateOptions): Promise<EvaluationReport> {
  const scope = await limitToId(options.filter);
  const judged = options.metrics.filter((m) => m !== "diversity");
  const report: EvaluationReport = {
    judge: options.judge,
    simulated: options.judge.provider === "offline",
    runs: options.runs,
    filter: options.filter,
    sessions: [],
    failures: [],
    waiNote:
      "wai.mean is raw, as in the paper (the official notebook does not reverse items 4 and 10); wai.meanReversed scores them 8 − x.",
  };
  const progress: EvaluateProgress = {
    sessionsDone: 0,
    sessions: await countExportSessions(scope),
    itemsDone: 0,
    itemsFailed: 0,
  };
  const beforeJudged = new Set<string>();
  const panasRows: PanasItemMean[] = [];
  const dialogues: string[][] = [];
  for await (const session of streamExportSessions(scope)) {
    if (options.signal?.aborted) break;
    if (options.metrics.includes("diversity")) dialogues.push(dialogueOf(session).map((m) => m.message));
    if (judged.length) {
      const kinds = await kindsFor(session, judged, options, beforeJudged);
      const outcomes = await judgeSession(session, kinds, {
        ...options,
        onItem: ({ failed }) => {
          progress.itemsDone++;
          if (failed) progress.itemsFailed++;
          options.onProgress?.(progress);
        },
      });
      await saveOutcomes(session, outcomes, options.judge);
      report.sessions.push(sessionReport(session, outcomes));
      for (const o of outcomes) {
        if (o.error !== null)
          report.failures.push({
            session: session.id,
            metric: o.kind,
            item: o.item,
            run: o.run,
            error: o.error,
          });
      }
      panasRows.push(...(await panasMeans(session, options.judge.modelId)));
    }
    progress.sessionsDone++;
    options.onProgress?.(progress);
  }
  if (options.metrics.includes("panas")) report.panasShift = panasShift(panasRows);
  if (options.metrics.includes("diversity"))
    report.diversity = await storeDiversity(dialogues, options.filter);
  return report;
}

async function kindsFor(
  session: ExportSession,
  metrics: EvaluationMetric[],
  options: EvaluateOptions,
  beforeJudged: Set<string>,
): Promise<JudgeKind[]> {
  const kinds: JudgeKind[] = [];
  if (metrics.includes("ctrs")) kinds.push("ctrs");
  if (metrics.includes("wai")) kinds.push("wai");
  if (metrics.includes("panas")) {
    kinds.push("panas_after");
    // "Before" comes from the intake form alone: once per profile and judge, reused by its other sessions.
    if (
      !beforeJudged.has(session.profileId) &&
      !(await hasPanasBefore(session.profileId, options.judge.modelId, options.runs))
    ) {
      kinds.push("panas_before");
    }
    beforeJudged.add(session.profileId);
  }
  return kinds;
}

function sessionReport(session: ExportSession, outcomes: ItemOutcome[]): SessionReport {
  const of = (kind: JudgeKind) => outcomes.filter((o) => o.kind === kind);
  const report: SessionReport = {
    id: session.id,
    sessionNumber: session.sessionNumber,
    variant: session.variant,
    attitude: session.profile.attitude,
  };
  if (of("ctrs").length) {
    const items = summarizeItems(of("ctrs"));
    report.ctrs = { mean: scaleMean(items, CTRS.items.length), items };
  }
  if (of("wai").length) {
    const items = summarizeItems(of("wai"));
    const { raw, reversed } = waiMeans(items, WAI.items.length);
    report.wai = { mean: raw, meanReversed: reversed, items };
  }
  if (of("panas_after").length) report.panasAfter = summarizeItems(of("panas_after"));
  if (of("panas_before").length) report.panasBefore = summarizeItems(of("panas_before"));
  return report;
}

/** The stored PANAS item means of this session (after) and its profile (before), for the shift. */
async function panasMeans(session: ExportSession, judgeModel: string): Promise<PanasItemMean[]> {
  const rows = await getDb().evaluationResult.findMany({
    where: {
      judgeModel,
      status: "succeeded",
      OR: [
        { sessionId: session.id, metric: "panas_after" },
        { profileId: session.profileId, metric: "panas_before" },
      ],
    },
    select: { metric: true, item: true, run: true, score: true },
  });
  const result: PanasItemMean[] = [];
  for (const when of ["before", "after"] as const) {
    const items = summarizeItems(rows.filter((r) => r.metric === `panas_${when}`));
    for (const [feeling, item] of Object.entries(items)) {
      if (item.mean === null) continue;
      const subject = when === "before" ? session.profileId : session.id;
      result.push({ attitude: session.profile.attitude, when, subject, feeling, mean: item.mean });
    }
  }
  return result;
}

/** Judges one session from its page with the configured judge (the simulator when none is); its scores. */
export async function evaluateSessionById({
  id,
  metrics,
  runs,
}: {
  id: string;
  metrics: JudgedMetric[];
  runs: number;
}): Promise<SessionEvaluations> {
  const exists = await getDb().session.count({ where: { id } });
  if (!exists) throw notFound("Session", id);
  const judge = judgeModelRef(undefined);
  // The judge calls go out on the bus, so the session page (in any web process) streams them.
  const publisher = await getEventPublisher().catch(() => undefined);
  // One session's items run in parallel, so the page's request stays short.
  await evaluateSet({
    filter: { ids: [id] },
    metrics,
    judge,
    runs,
    concurrency: 12,
    events: publisher?.publish,
  });
  return getSessionEvaluationsById({ id });
}
