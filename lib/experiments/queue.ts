import "server-only";
import { PgBoss } from "pg-boss";
import { databaseUrl, getDb } from "@/lib/db/client";

// The job queue is pg-boss, in its own schema of the studio's database: any process that reaches
// DATABASE_URL can queue sessions or work them. A job's worker beats while it runs; a worker that
// dies (SIGKILL, lost machine) stops beating, and a supervising instance fails the job back to the
// queue within heartbeat + supervise interval, where another worker picks it up and resumes the
// session after its last stored round.

export const QUEUE_SCHEMA = "pgboss";
/** One job per session run: { experimentId, sessionId }. */
export const SESSION_QUEUE = "experiment-session";
/** One job per experiment once its sessions are done: diversity over the whole set. */
export const SET_EVALUATION_QUEUE = "experiment-set-evaluation";

export interface SessionJob {
  experimentId: string;
  sessionId: string;
}
export interface SetEvaluationJob {
  experimentId: string;
}

/** EXPERIMENT_HEARTBEAT_SECONDS (≥ 10, pg-boss's floor): how long a silent worker keeps its job. */
export function heartbeatSeconds(): number {
  return Math.max(10, envNumber("EXPERIMENT_HEARTBEAT_SECONDS") ?? 15);
}

/** EXPERIMENT_SUPERVISE_SECONDS: how often a worker looks for jobs whose worker went silent. */
function superviseSeconds(): number {
  return Math.max(1, envNumber("EXPERIMENT_SUPERVISE_SECONDS") ?? 10);
}

function envNumber(name: string): number | undefined {
  const value = Number(process.env[name]);
  return process.env[name] && Number.isFinite(value) ? value : undefined;
}

const globalForQueue = globalThis as unknown as { magnetQueue?: Promise<PgBoss> };

/**
 * This process's pg-boss, started once (creating its schema and queues on first use). `supervise`:
 * this process also expires silent workers' jobs (workers do; a process that only queues need not).
 */
export function getQueue({ supervise = false }: { supervise?: boolean } = {}): Promise<PgBoss> {
  globalForQueue.magnetQueue ??= startQueue(supervise).catch((error) => {
    globalForQueue.magnetQueue = undefined;
    throw error;
  });
  return globalForQueue.magnetQueue;
}

async function startQueue(supervise: boolean): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl(),
    schema: QUEUE_SCHEMA,
    application_name: "magnet-queue",
    max: 4,
    supervise,
    schedule: false,
    superviseIntervalSeconds: superviseSeconds(),
    monitorIntervalSeconds: superviseSeconds(),
    useListenNotify: true,
  });
  boss.on("error", (error) => console.error("Job queue:", error.message));
  await boss.start();
  const common = { retryLimit: 20, retryDelay: 1, notify: true, deleteAfterSeconds: 7 * 24 * 3600 };
  await ensureSessionQueue(boss, {
    ...common,
    heartbeatSeconds: heartbeatSeconds(),
    // The heartbeat bounds a run; this only catches a worker that beats but never finishes.
    expireInSeconds: 24 * 3600,
    // One job per session queued or running (its singletonKey is the session id): resuming an
    // experiment whose jobs are still waiting queues nothing twice.
    policy: "exclusive",
  });
  await ensureQueue(boss, SET_EVALUATION_QUEUE, { ...common, expireInSeconds: 3600 });
  return boss;
}

type QueueOptions = NonNullable<Parameters<PgBoss["createQueue"]>[1]>;

async function ensureQueue(boss: PgBoss, name: string, options: QueueOptions) {
  if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
}

/**
 * The session queue with its policy. pg-boss cannot change a queue's policy in place (updateQueue
 * refuses it), so a queue made before the policy (standard) is made again: its waiting jobs are read,
 * the queue deleted and created with the policy, and the jobs queued back, one per session. A job
 * running meanwhile is not carried over: its run goes on, and a resume queues the session again.
 * Processes starting together take turns through an advisory lock and do this once.
 */
async function ensureSessionQueue(boss: PgBoss, options: QueueOptions & { policy: string }) {
  if ((await boss.getQueue(SESSION_QUEUE))?.policy === options.policy) return;
  await getDb().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('magnet:session-queue-policy', 0))`;
      const existing = await boss.getQueue(SESSION_QUEUE);
      if (existing?.policy === options.policy) return;
      const waiting = existing
        ? await boss.findJobs<SessionJob>(SESSION_QUEUE, { queued: true, limit: 100_000 })
        : [];
      if (existing) await boss.deleteQueue(SESSION_QUEUE);
      await boss.createQueue(SESSION_QUEUE, options);
      await insertSessionJobs(
        boss,
        waiting.map((job) => ({ ...job.data, provider: job.groupId ?? "offline" })),
      );
    },
    { timeout: 120_000 },
  );
}

/** Stops this process's queue (its workers finish or give back their jobs first). */
export async function closeQueue({ graceful = true }: { graceful?: boolean } = {}): Promise<void> {
  const boss = await globalForQueue.magnetQueue?.catch(() => undefined);
  globalForQueue.magnetQueue = undefined;
  await boss?.stop({ graceful, timeout: 15_000 });
}

type SessionRun = SessionJob & { provider: string };

/**
 * Queues one run per session, in order, unless the session's run is already queued or running (the
 * queue keeps one job per session); `group` caps how many of a provider's run at once.
 */
export async function queueSessionRuns(runs: SessionRun[]): Promise<void> {
  if (!runs.length) return;
  await insertSessionJobs(await getQueue(), runs);
}

async function insertSessionJobs(boss: PgBoss, runs: SessionRun[]): Promise<void> {
  for (let start = 0; start < runs.length; start += 500) {
    await boss.insert(
      SESSION_QUEUE,
      runs.slice(start, start + 500).map(({ provider, ...data }) => ({
        data,
        singletonKey: data.sessionId,
        group: { id: provider, tier: provider },
      })),
    );
  }
}

/** Queues the set evaluation once per experiment (the id makes a second send a no-op). */
export async function queueSetEvaluation(experimentId: string, jobId: string): Promise<void> {
  const boss = await getQueue();
  await boss.send(SET_EVALUATION_QUEUE, { experimentId } satisfies SetEvaluationJob, { id: jobId });
}
