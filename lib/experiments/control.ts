import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { requestSessionControl } from "@/lib/runs/live-run";
import { lockedSessionIds } from "@/lib/runs/run-lock";
import { CELL_ORDER, providerOf } from "./create";
import { queueSessionRuns } from "./queue";
import type { ExperimentAction, ExperimentStatus } from "./schema";

// Pause: no queued session starts (a worker that fetches one gives it back unrun) and running ones
// pause after their round. Resume queues every session not finished again; a run resumes after its
// last stored round. Cancel: like pause, and running sessions stop now; it cannot be resumed.

const UNFINISHED = ["draft", "running", "paused", "stopped"] as const;

export async function controlExperiment(id: string, action: ExperimentAction): Promise<ExperimentStatus> {
  const experiment = await getDb().experiment.findUnique({ where: { id }, select: { status: true } });
  if (!experiment) throw notFound("Experiment", id);
  if (experiment.status === "cancelled") {
    throw new AppError("conflict", `Experiment ${id} was cancelled; create a new one to run again`, [
      { field: "action", message: "cancelled" },
    ]);
  }
  // Resuming a running experiment would queue its waiting sessions a second time.
  if (action === "resume" && experiment.status === "running") return "running";
  const status: ExperimentStatus =
    action === "resume" ? "running" : action === "pause" ? "paused" : "cancelled";
  await getDb().experiment.update({ where: { id }, data: { status } });
  if (action === "resume") await requeueUnfinished(id);
  else await haltRunningSessions(id, action === "cancel" ? "stop" : "pause");
  return status;
}

async function requeueUnfinished(experimentId: string) {
  const sessions = await getDb().session.findMany({
    where: { experimentId, status: { in: [...UNFINISHED] } },
    select: { id: true, config: true },
    orderBy: CELL_ORDER,
  });
  // A session still running (its job alive) would only meet its own lock; leave it.
  const locked = await lockedSessionIds(sessions.map((s) => s.id));
  const idle = sessions.filter((s) => !locked.has(s.id));
  await queueSessionRuns(
    idle.map((s) => ({ experimentId, sessionId: s.id, provider: providerOf(s.config) })),
  );
}

async function haltRunningSessions(experimentId: string, action: "stop" | "pause") {
  const running = await getDb().session.findMany({
    where: { experimentId, status: "running" },
    select: { id: true },
  });
  await Promise.allSettled(running.map(({ id }) => requestSessionControl(id, action)));
}
