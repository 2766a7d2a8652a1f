import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { disconnectDb, getDb } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { withDatabaseName } from "@/lib/db/migrations/postgres";
import { createExperiment } from "@/lib/experiments/create";
import { closeQueue } from "@/lib/experiments/queue";
import { experimentDesignSchema } from "@/lib/experiments/schema";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { startFakeOpenAIServer } from "@/lib/testing/fake-openai-server";
import {
  cpuSnapshot,
  handOverGaps,
  parseWorkerLog,
  type SessionTrace,
  sessionTraces,
  statementCounts,
  statementTracking,
  traceReport,
} from "./queue-trace";
import { formatTable, median, ratio } from "./report";
import type { BenchOptions, BenchPart, Target } from "./types";

// Experiments at scale: sessions per hour with 1, 2 and 4 worker processes (`npm run worker`) sharing
// one queue, every agent on the fake OpenAI-compatible server at a fixed per-call latency. The ideal
// is workers × concurrency sessions side by side, each as long as one session alone.
//
// Both sides of the ratio are measured on warm workers: the lone session's time is that of a worker
// that has run one before, and so is the throughput. A rate per hour is what a running fleet
// sustains; a fresh process's first sessions (code not yet compiled, and in the bench every process
// compiling at once) are paid once per worker start, so they are measured and printed apart.

const WORKER_COUNTS = [1, 2, 4];
/** Sessions each worker runs at once. */
const CONCURRENCY = 4;
/** Each worker slot runs this many sessions one after another, so the queue hand-over counts. */
const WAVES = 3;
const SESSION_ROUNDS = 2;
/** One session's time, the ideal's unit: the median of this many run one after another by one warm worker. */
const ALONE_SESSIONS = 3;
/** Each worker count's throughput is measured this many times on the same warm workers. */
const RUNS = 3;
/** How often the bench asks whether the run is over; the times themselves come from the rows. */
const POLL_MS = 250;

export const queueBench: BenchPart = {
  name: "queue",
  async run(options) {
    const fake = await startFakeOpenAIServer({
      latencyMs: options.latencyMs,
      tokensPerSecond: options.tokensPerSecond,
      answerTokens: options.answerTokens,
    });
    const dir = await mkdtemp(path.join(tmpdir(), "magnet-queue-bench-"));
    await chmod(dir, 0o755); // as root the server runs as `postgres`, which must enter the folder
    const dataDir = path.join(dir, "pg");
    const settings: Record<string, string> = { fsync: "off" };
    // Statement counts for --detail (the extension costs a little on every statement).
    if (options.detail) settings.shared_preload_libraries = "plpgsql,pg_stat_statements";
    const server = await startEmbeddedPostgres({ dataDir, settings });
    const previous = process.env.DATABASE_URL;
    try {
      const databaseUrl = withDatabaseName(server.url, "bench");
      await applyMigrations(databaseUrl);
      if (options.detail) await statementTracking(databaseUrl);
      const trace = options.detail ? { databaseUrl, dataDir, log: options.log } : undefined;
      process.env.DATABASE_URL = databaseUrl;
      // Sessions freeze their models at creation: every agent on the fake server.
      const env = { LLM_BASE_URL: fake.baseURL, DEFAULT_MODEL: "bench-model", OPENAI_API_KEY: "" };
      Object.assign(process.env, env);
      await seedSampleProfiles();
      const profiles = await getDb().clientProfile.count();
      options.log(`queue: one session alone (${ALONE_SESSIONS} one after another, after one to warm up)…`);
      const single = await withWorkers(1, 1, env, async (children) => {
        await runExperiment(children, 1, 1, 1);
        return runExperiment(children, 1, 1, ALONE_SESSIONS, trace);
      });
      const rows: Row[] = [];
      for (const workers of WORKER_COUNTS) {
        const slots = workers * CONCURRENCY;
        const sessions = slots * WAVES;
        const ideal = (slots / single.sessionSeconds) * 3600;
        const row = await withWorkers(workers, CONCURRENCY, env, async (children) => {
          options.log(`queue: fresh workers' first sessions on ${workers} worker(s) × ${CONCURRENCY}…`);
          const cold = await runExperiment(children, workers, CONCURRENCY, warmUpSessions(slots, profiles));
          const runs: Row[] = [];
          for (let i = 1; i <= RUNS; i++) {
            options.log(
              `queue: ${sessions} sessions on ${workers} worker(s) × ${CONCURRENCY} (run ${i} of ${RUNS})…`,
            );
            const run = await runExperiment(children, workers, CONCURRENCY, sessions, trace);
            runs.push({
              workers,
              sessions,
              seconds: run.seconds,
              perHour: (sessions / run.seconds) * 3600,
              ideal,
              sessionSeconds: run.sessionSeconds,
              coldSeconds: cold.firstSeconds(slots),
            });
          }
          return medianRun(runs);
        });
        rows.push(row);
      }
      return summarise(rows, single.sessionSeconds, options);
    } finally {
      await closeQueue({ graceful: false }).catch(() => {});
      await disconnectDb();
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
      await server.stop();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

/**
 * Enough sessions for every slot of fresh workers to start one at once: beyond the number of
 * profiles, a multiple of it (the queue hands the extra ones to whichever slot frees first).
 */
function warmUpSessions(slots: number, profiles: number): number {
  return slots <= profiles ? slots : Math.ceil(slots / profiles) * profiles;
}

async function withWorkers<T>(
  workers: number,
  concurrency: number,
  env: Record<string, string>,
  body: (children: WorkerProcess[]) => Promise<T>,
): Promise<T> {
  const children = await Promise.all(Array.from({ length: workers }, () => startWorker(concurrency, env)));
  try {
    return await body(children);
  } finally {
    await Promise.all(children.map(stopWorker));
  }
}

/** Queues `sessions` sessions for the running workers and times them to the last. */
async function runExperiment(
  children: WorkerProcess[],
  workers: number,
  concurrency: number,
  sessions: number,
  trace?: TraceOptions,
) {
  // The sample profiles (12) in turn, repeated: the session counts are multiples of them.
  const profiles = await getDb().clientProfile.count();
  if (sessions > profiles && sessions % profiles !== 0)
    throw new Error(`${sessions} sessions is not a multiple of the ${profiles} profiles`);
  const design = experimentDesignSchema.parse({
    name: `bench ${workers}×${concurrency}`,
    variants: ["magnet"],
    rounds: SESSION_ROUNDS,
    limit: Math.min(profiles, sessions),
    repeats: Math.max(1, sessions / profiles),
  });
  const logStart = children.map((c) => c.output().length);
  const before = trace && (await traceSnapshot(children, trace));
  const { id } = await createExperiment(design, null);
  // The runs were queued as createExperiment returned (a worker may already have started one).
  const queuedAt = Date.now();
  for (;;) {
    const left = await getDb().session.count({
      where: { experimentId: id, status: { in: ["draft", "running"] } },
    });
    if (left === 0) break;
    if (children.some((c) => c.exitCode !== null))
      throw new Error(`a worker exited:\n${children.map((c) => c.output()).join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const done = await getDb().session.findMany({
    where: { experimentId: id },
    select: { status: true, startedAt: true, finishedAt: true },
  });
  if (trace && before) await reportTrace(`${workers}×${concurrency}`, id, children, logStart, trace, before);
  const bad = done.filter((s) => s.status !== "completed");
  if (bad.length) throw new Error(`${bad.length} bench session(s) did not complete (${bad[0].status})`);
  const spans = done
    .map((s) => ({ start: s.startedAt?.getTime() ?? Number.NaN, end: s.finishedAt?.getTime() ?? Number.NaN }))
    .sort((a, b) => a.start - b.start);
  const start = Math.min(queuedAt, ...spans.map((s) => s.start));
  return {
    seconds: (Math.max(...spans.map((s) => s.end)) - start) / 1000,
    sessionSeconds: median(spans.map((s) => (s.end - s.start) / 1000)),
    /** Median time from queueing to done of the first `count` sessions to start. */
    firstSeconds: (count: number) => median(spans.slice(0, count).map((s) => (s.end - queuedAt) / 1000)),
  };
}

interface TraceOptions {
  databaseUrl: string;
  dataDir: string;
  log: (line: string) => void;
}

async function traceSnapshot(children: WorkerProcess[], trace: TraceOptions) {
  const pids = children.map((c) => c.pid ?? 0);
  return {
    cpu: await cpuSnapshot(pids, trace.dataDir),
    statements: await statementCounts(trace.databaseUrl),
  };
}

async function reportTrace(
  label: string,
  experimentId: string,
  children: WorkerProcess[],
  logStart: number[],
  trace: TraceOptions,
  before: Awaited<ReturnType<typeof traceSnapshot>>,
) {
  const after = await traceSnapshot(children, trace);
  const logs = children.flatMap((child, i) => parseWorkerLog(i, child.output().slice(logStart[i])));
  const traces: SessionTrace[] = await sessionTraces(trace.databaseUrl, experimentId, logs);
  const lines = traceReport(
    label,
    traces,
    handOverGaps(logs),
    { before: before.cpu, after: after.cpu },
    { before: before.statements, after: after.statements },
  );
  for (const line of lines) trace.log(line);
}

type WorkerProcess = ChildProcess & { output: () => string };

function startWorker(concurrency: number, env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    [
      // e.g. BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the workers.
      ...(process.env.BENCH_WORKER_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
      "--conditions=react-server",
      "--import",
      "tsx",
      "lib/cli/worker.ts",
      "--concurrency",
      String(concurrency),
    ],
    { cwd: process.cwd(), env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const worker = Object.assign(child, { output: () => output });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes("ready")) resolve(worker);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.once("exit", (code) =>
      reject(new Error(`worker exited with ${code} before it was ready:\n${output}`)),
    );
  });
}

function stopWorker(child: WorkerProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** The run of median throughput, with the lowest and highest ratio of all the runs. */
function medianRun(runs: Row[]): Row {
  const sorted = [...runs].sort((a, b) => a.perHour - b.perHour);
  const ratios = sorted.map((r) => ratio(r.perHour, r.ideal));
  return { ...sorted[Math.floor(sorted.length / 2)], spread: [ratios[0], ratios[ratios.length - 1]] };
}

interface Row {
  workers: number;
  sessions: number;
  seconds: number;
  perHour: number;
  ideal: number;
  /** Median session time in this run: above the one alone, the machine (not the queue) is the limit. */
  sessionSeconds: number;
  /**
   * Fresh workers' first sessions, all starting at once: median seconds from queueing to done (against
   * the lone session's time, what a worker start costs once).
   */
  coldSeconds: number;
  /** The lowest and highest ratio to the ideal over the runs of this worker count. */
  spread?: [number, number];
}

function summarise(rows: Row[], sessionSeconds: number, options: BenchOptions) {
  const table = formatTable(
    [
      "workers",
      "sessions",
      "seconds",
      "session s (median)",
      "sessions/h",
      "ideal/h",
      "ratio",
      "ratio, all runs",
      "first sessions, fresh workers (s)",
    ],
    rows.map((r) => [
      String(r.workers),
      String(r.sessions),
      r.seconds.toFixed(1),
      r.sessionSeconds.toFixed(2),
      r.perHour.toFixed(0),
      r.ideal.toFixed(0),
      ratio(r.perHour, r.ideal).toFixed(3),
      r.spread ? `${r.spread[0].toFixed(3)}–${r.spread[1].toFixed(3)}` : "",
      r.coldSeconds.toFixed(2),
    ]),
  );
  const one = rows[0];
  const targets: Target[] = rows.map((r) => ({
    name: `queue: ${r.workers} worker(s) × ${CONCURRENCY}, throughput / ideal`,
    value: ratio(r.perHour, r.ideal),
    kind: "min",
    goal: 0.9,
  }));
  const four = rows.find((r) => r.workers === 4);
  if (four && one)
    targets.push({
      name: "queue: speed-up of 4 workers over 1 (linear: 4)",
      value: ratio(four.perHour, one.perHour),
      kind: "min",
      goal: 3.6,
    });
  const json: Record<string, number> = { queue_session_seconds: sessionSeconds };
  for (const r of rows) {
    json[`queue_sessions_per_hour_${r.workers}w`] = Math.round(r.perHour);
    json[`queue_ratio_${r.workers}w`] = ratio(r.perHour, r.ideal);
    json[`queue_cold_session_seconds_${r.workers}w`] = r.coldSeconds;
  }
  return {
    report: [
      `Experiments on the job queue: ${SESSION_ROUNDS}-round MAGneT sessions, ${CONCURRENCY} per worker process, ${WAVES} waves; ` +
        `one session alone takes ${sessionSeconds.toFixed(2)} s (${options.latencyMs} ms per call; median of ${ALONE_SESSIONS} in a row on a warm worker).`,
      `Each worker count ran ${RUNS} times on the same workers once they had run one session per slot; a row is the run of median throughput.`,
      ...table,
      "A median session time above the one alone means the processes share too few cores: the queue",
      "hands a slot its next job as soon as its run ends, so the rest is the machine. The last column is",
      "paid once per worker start: every slot of fresh workers starting a session at once, timed from",
      "queueing to done (median), against the lone session's time.",
    ],
    targets,
    json,
  };
}
