import "server-only";
import { createHash } from "node:crypto";
import { getDb, warmDbPool } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { evaluateSet } from "@/lib/eval/evaluate";
import { judgeModelRef } from "@/lib/eval/judge-model";
import type { SessionOutcome } from "@/lib/pipeline";
import { getEventPublisher, runSessionLive } from "@/lib/runs/live-run";
import { warmRunLocks } from "@/lib/runs/run-lock";
import { withProviderSlot } from "./provider-slots";
import {
  closeQueue,
  getQueue,
  queueSetEvaluation,
  SESSION_QUEUE,
  SET_EVALUATION_QUEUE,
  type SessionJob,
  type SetEvaluationJob,
} from "./queue";
import { type ExperimentDesign, experimentDesignSchema } from "./schema";

// A worker takes session runs off the queue, `concurrency` at a time, and runs each through the same
// live path as the studio (its events on the bus, stop/pause honoured). A run that ends because this
// worker is stopping gives its job back, so another worker resumes the session.

const FINISHED = new Set(["completed", "ended_by_client", "failed"]);

export interface WorkerOptions {
  /** Sessions this process runs at once. */
  concurrency: number;
  /** Sessions of one provider running at once across every worker, e.g. { openai: 8 }. */
  providerConcurrency?: Record<string, number>;
  /** Told of each run as it starts (the CLI prints it). */
  onStart?: (run: { sessionId: string; attempt: number }) => void;
  /** Told of each run as it ends (the CLI prints it). */
  onRun?: (run: { sessionId: string; status: SessionOutcome["status"] | "skipped" }) => void;
}

export interface ExperimentWorker {
  /** Stops taking jobs; runs in flight end `stopped` and their jobs go back to the queue. */
  stop(): Promise<void>;
}

export async function startExperimentWorker({
  concurrency,
  providerConcurrency = {},
  onStart,
  onRun,
}: WorkerOptions): Promise<ExperimentWorker> {
  const boss = await getQueue({ supervise: true });
  await warmUp(concurrency);
  const shutdown = new AbortController();
  const capped = Object.keys(providerConcurrency).length > 0;
  await boss.work<SessionJob>(
    SESSION_QUEUE,
    {
      localConcurrency: concurrency,
      // An idle worker slot looks for queued jobs this often (a NOTIFY wakes it for new ones); after a
      // run longer than this it looks again at once, so sessions follow each other closely.
      pollingIntervalSeconds: 0.5,
      notifyPollingIntervalSeconds: 0.5,
      ...(capped && { groupConcurrency: { default: 100_000, tiers: providerConcurrency } }),
    },
    async ([job]) => {
      onStart?.({ sessionId: job.data.sessionId, attempt: job.retryCount + 1 });
      const signal = AbortSignal.any([job.signal, shutdown.signal]);
      const cap = job.groupId ? providerConcurrency[job.groupId] : undefined;
      const status = await (cap
        ? withProviderSlot(job.groupId as string, cap, signal, () => runSessionJob(job.data, signal))
        : runSessionJob(job.data, signal));
      onRun?.({ sessionId: job.data.sessionId, status });
      if (shutdown.signal.aborted || job.signal.aborted) {
        if (status !== "skipped" && !FINISHED.has(status))
          throw new Error(`the worker stopped during the run; session ${job.data.sessionId} is given back`);
      }
    },
  );
  await boss.work<SetEvaluationJob>(SET_EVALUATION_QUEUE, { pollingIntervalSeconds: 5 }, async ([job]) => {
    await evaluateExperimentSet(job.data.experimentId);
  });
  return {
    stop: async () => {
      shutdown.abort();
      await closeQueue();
    },
  };
}

/**
 * What a fresh process's first runs would otherwise pay for while they hold a slot, done before it
 * takes jobs: the bus connection, the query engine's first query, and a database connection and a run
 * lock connection for each session it will run at once.
 */
async function warmUp(concurrency: number) {
  await Promise.all([getEventPublisher(), warmDbPool(concurrency), warmRunLocks(concurrency)]);
  await getDb().session.findFirst({ select: { id: true, status: true } });
}

/** One session job: run (or resume) the session unless its experiment is paused or cancelled. */
async function runSessionJob(
  { experimentId, sessionId }: SessionJob,
  signal: AbortSignal,
): Promise<SessionOutcome["status"] | "skipped"> {
  const experiment = await getDb().experiment.findUnique({
    where: { id: experimentId },
    select: { status: true, config: true },
  });
  // Resume queues the session again.
  if (experiment?.status !== "running") return "skipped";
  const design = experimentDesignSchema.parse(experiment.config);
  const session = await getDb().session.findUnique({ where: { id: sessionId }, select: { status: true } });
  if (!session) return "skipped";
  // A retried job whose session is done (its worker died before the evaluations): finish those.
  if (FINISHED.has(session.status)) {
    await evaluateAfterRun(experimentId, sessionId, session.status, design, signal);
    return "skipped";
  }
  let outcome: SessionOutcome;
  const halt = new AbortController();
  try {
    outcome = await runSessionLive({
      sessionId,
      mode: "to-end",
      signal: AbortSignal.any([signal, halt.signal]),
      // Paused or cancelled between the check above and the run's start, the halt missed this
      // session (it was not running yet): look again once it is, and stop it.
      onEvent: (event) => {
        if (event.type === "session-started") void stopUnlessRunning(experimentId, halt);
      },
    });
  } catch (error) {
    // Another worker holds the session: that run's own job covers it.
    if (error instanceof AppError && error.code === "conflict") return "skipped";
    throw error;
  }
  if (FINISHED.has(outcome.status))
    await evaluateAfterRun(experimentId, sessionId, outcome.status, design, signal);
  return outcome.status;
}

async function stopUnlessRunning(experimentId: string, halt: AbortController): Promise<void> {
  const experiment = await getDb()
    .experiment.findUnique({ where: { id: experimentId }, select: { status: true } })
    .catch(() => null);
  if (experiment && experiment.status !== "running") halt.abort();
}

/** The design's judged scales for the session (once), and diversity for the set after the last one. */
async function evaluateAfterRun(
  experimentId: string,
  sessionId: string,
  status: string,
  design: ExperimentDesign,
  signal: AbortSignal,
) {
  const judged = design.evaluate.filter((metric) => metric !== "diversity");
  const evaluated = await getDb().evaluationResult.count({ where: { sessionId } });
  if (judged.length && status !== "failed" && evaluated === 0) {
    await evaluateSet({
      filter: { ids: [sessionId] },
      metrics: judged,
      judge: judgeModelRef(undefined),
      runs: 1,
      concurrency: 4,
      signal,
    });
  }
  await queueSetEvaluationWhenDone(experimentId, design.evaluate.includes("diversity"));
}

async function queueSetEvaluationWhenDone(experimentId: string, wanted: boolean) {
  if (!wanted) return;
  const left = await getDb().session.count({
    where: { experimentId, status: { notIn: ["completed", "ended_by_client", "failed"] } },
  });
  if (left === 0) await queueSetEvaluation(experimentId, jobIdFor(`set-evaluation:${experimentId}`));
}

async function evaluateExperimentSet(experimentId: string) {
  const sessions = await getDb().session.findMany({
    where: { experimentId, status: { in: ["completed", "ended_by_client"] } },
    select: { id: true },
  });
  if (sessions.length < 2) return;
  await evaluateSet({
    filter: { ids: sessions.map((s) => s.id) },
    metrics: ["diversity"],
    judge: judgeModelRef(undefined),
    runs: 1,
    concurrency: 1,
  });
}

/** A UUID derived from a key: pg-boss ignores a second job with the same id. */
function jobIdFor(key: string): string {
  const hex = createHash("sha256").update(key).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
