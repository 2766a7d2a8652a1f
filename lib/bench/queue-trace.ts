import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { formatTable, median, percentile } from "./report";

// `npm run bench -- --only queue --detail`: where a queue run's time and CPU go. CPU seconds per
// process from /proc (Linux), the gaps of each session's way through the queue from the job rows,
// the sessions' own times and the workers' logs, and statements per session from the server's
// statistics.

/** Kernel clock ticks per second (USER_HZ): 100 on every Linux we run on. */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime of the process itself. */
  own: number;
  /** cutime + cstime: children it has reaped. */
  reaped: number;
}

async function readStat(pid: number): Promise<ProcStat | null> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses: the fields start after the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const tick = (i: number) => Number(fields[i]) / TICKS_PER_SECOND;
    return { pid, ppid: Number(fields[1]), own: tick(11) + tick(12), reaped: tick(13) + tick(14) };
  } catch {
    return null; // gone
  }
}

/** CPU seconds used so far by one process (itself only). */
export async function processCpuSeconds(pid: number): Promise<number> {
  return (await readStat(pid))?.own ?? Number.NaN;
}

/**
 * CPU seconds of the PostgreSQL server of `dataDir`: the postmaster, the backends it has reaped, and
 * the ones alive now (each connection is a process of its own).
 */
export async function postgresCpuSeconds(dataDir: string): Promise<number> {
  const postmaster = Number((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
  const main = await readStat(postmaster);
  if (!main) return Number.NaN;
  const pids = (await readdir("/proc")).filter((name) => /^\d+$/.test(name)).map(Number);
  const stats = await Promise.all(pids.map(readStat));
  const children = stats.filter((s): s is ProcStat => s?.ppid === postmaster);
  return main.own + main.reaped + children.reduce((sum, child) => sum + child.own, 0);
}

export interface CpuSnapshot {
  workers: number[];
  postgres: number;
  /** The bench process: the fake OpenAI server, the count polling, the timing. */
  bench: number;
}

export async function cpuSnapshot(workerPids: number[], dataDir: string): Promise<CpuSnapshot> {
  const usage = process.cpuUsage();
  return {
    workers: await Promise.all(workerPids.map(processCpuSeconds)),
    postgres: await postgresCpuSeconds(dataDir),
    bench: (usage.user + usage.system) / 1e6,
  };
}

/** Statements the server ran so far: commits in the database, and per statement when tracked. */
export interface StatementCounts {
  commits: number;
  /** pg_stat_statements calls by statement text (empty without the extension). */
  calls: Map<string, { calls: number; rows: number }>;
}

export async function statementTracking(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  } finally {
    await client.end();
  }
}

export async function statementCounts(databaseUrl: string): Promise<StatementCounts> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ commits: string }>(
      "SELECT xact_commit AS commits FROM pg_stat_database WHERE datname = current_database()",
    );
    const calls = new Map<string, { calls: number; rows: number }>();
    const tracked = await client
      .query<{ query: string; calls: string; rows: string }>(
        "SELECT query, calls, rows FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())",
      )
      .catch(() => ({ rows: [] }));
    for (const row of tracked.rows) {
      const key = row.query.replace(/\s+/g, " ").slice(0, 90);
      const before = calls.get(key) ?? { calls: 0, rows: 0 };
      calls.set(key, { calls: before.calls + Number(row.calls), rows: before.rows + Number(row.rows) });
    }
    return { commits: Number(rows[0]?.commits ?? 0), calls };
  } finally {
    await client.end();
  }
}

/** What the workers print as each run starts and ends (lib/cli/worker.ts). */
export interface WorkerLogEvent {
  worker: number;
  at: number;
  sessionId: string;
  kind: "start" | "end";
}

export function parseWorkerLog(worker: number, output: string): WorkerLogEvent[] {
  const events: WorkerLogEvent[] = [];
  for (const line of output.split("\n")) {
    const match = /^(\S+) session (\S+): (\S+)/.exec(line);
    if (!match) continue;
    const at = Date.parse(match[1]);
    if (Number.isNaN(at)) continue;
    events.push({ worker, at, sessionId: match[2], kind: match[3] === "started" ? "start" : "end" });
  }
  return events;
}

/** One session's way through the queue, epoch milliseconds. */
export interface SessionTrace {
  sessionId: string;
  queuedAt: number;
  claimedAt: number;
  handlerStart: number;
  runStart: number;
  runEnd: number;
  handlerEnd: number;
  completedAt: number;
}

export async function sessionTraces(
  databaseUrl: string,
  experimentId: string,
  logs: WorkerLogEvent[],
): Promise<SessionTrace[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{
      id: string;
      created_on: Date;
      started_on: Date;
      completed_on: Date;
      startedAt: Date;
      finishedAt: Date;
    }>(
      `SELECT s.id, j.created_on, j.started_on, j.completed_on, s."startedAt", s."finishedAt"
       FROM "Session" s JOIN pgboss.job j ON j.data->>'sessionId' = s.id
       WHERE s."experimentId" = $1`,
      [experimentId],
    );
    const at = (sessionId: string, kind: "start" | "end") =>
      logs.find((e) => e.sessionId === sessionId && e.kind === kind)?.at ?? Number.NaN;
    return rows.map((r) => ({
      sessionId: r.id,
      queuedAt: r.created_on.getTime(),
      claimedAt: r.started_on.getTime(),
      handlerStart: at(r.id, "start"),
      runStart: r.startedAt.getTime(),
      runEnd: r.finishedAt.getTime(),
      handlerEnd: at(r.id, "end"),
      completedAt: r.completed_on?.getTime() ?? Number.NaN,
    }));
  } finally {
    await client.end();
  }
}

/** For each run that ends in a worker, how long until that worker starts its next one. */
export function handOverGaps(logs: WorkerLogEvent[]): number[] {
  const gaps: number[] = [];
  const byWorker = new Map<number, WorkerLogEvent[]>();
  for (const event of logs) byWorker.set(event.worker, [...(byWorker.get(event.worker) ?? []), event]);
  for (const events of byWorker.values()) {
    const sorted = [...events].sort((a, b) => a.at - b.at);
    const starts = sorted.filter((e) => e.kind === "start");
    const taken = new Set<WorkerLogEvent>();
    for (const end of sorted.filter((e) => e.kind === "end")) {
      const next = starts.find((s) => s.at >= end.at && !taken.has(s));
      if (!next) continue;
      taken.add(next);
      gaps.push(next.at - end.at);
    }
  }
  return gaps;
}

function spread(values: number[]): string[] {
  const finite = values.filter(Number.isFinite);
  return [median(finite), percentile(finite, 90), Math.max(...finite)].map((v) =>
    Number.isFinite(v) ? v.toFixed(0) : "–",
  );
}

export function traceReport(
  label: string,
  traces: SessionTrace[],
  gaps: number[],
  cpu: { before: CpuSnapshot; after: CpuSnapshot },
  statements: { before: StatementCounts; after: StatementCounts },
): string[] {
  const sessions = traces.length;
  const first = firstWave(traces);
  const later = traces.filter((t) => !first.includes(t));
  const phases: [string, number[]][] = [
    ["queued → claimed (first wave)", first.map((t) => t.claimedAt - t.queuedAt)],
    ["claimed → handler start", traces.map((t) => t.handlerStart - t.claimedAt)],
    ["handler start → run start (first wave)", first.map((t) => t.runStart - t.handlerStart)],
    ["handler start → run start (later)", later.map((t) => t.runStart - t.handlerStart)],
    ["run start → run end (first wave)", first.map((t) => t.runEnd - t.runStart)],
    ["run start → run end (later)", later.map((t) => t.runEnd - t.runStart)],
    ["run end → handler end", traces.map((t) => t.handlerEnd - t.runEnd)],
    ["handler end → job completed", traces.map((t) => t.completedAt - t.handlerEnd)],
    ["handler end → next start (same worker)", gaps],
  ];
  const workerCpu = cpu.after.workers.map((after, i) => after - (cpu.before.workers[i] ?? 0));
  const totalWorkers = workerCpu.reduce((a, b) => a + b, 0);
  const postgres = cpu.after.postgres - cpu.before.postgres;
  const bench = cpu.after.bench - cpu.before.bench;
  const lines = [
    `${label}: where the time goes (ms; median, p90, max over ${sessions} sessions)`,
    ...formatTable(
      ["phase", "median", "p90", "max"],
      phases.map(([name, values]) => [name, ...spread(values)]),
    ),
    `${label}: CPU seconds during the run: workers ${workerCpu.map((c) => c.toFixed(2)).join(" + ")} = ${totalWorkers.toFixed(2)}, ` +
      `postgres ${postgres.toFixed(2)}, bench ${bench.toFixed(2)}; per session: workers ${(totalWorkers / sessions).toFixed(3)}, ` +
      `postgres ${(postgres / sessions).toFixed(3)}, bench ${(bench / sessions).toFixed(3)}, all ${((totalWorkers + postgres + bench) / sessions).toFixed(3)}`,
    `${label}: commits per session ${((statements.after.commits - statements.before.commits) / sessions).toFixed(1)}`,
  ];
  const deltas = [...statements.after.calls]
    .map(([query, after]) => {
      const before = statements.before.calls.get(query) ?? { calls: 0, rows: 0 };
      return { query, calls: after.calls - before.calls, rows: after.rows - before.rows };
    })
    .filter((d) => d.calls > 0)
    .sort((a, b) => b.calls - a.calls)
    .slice(0, 25);
  if (deltas.length) {
    lines.push(`${label}: statements per session (calls, rows):`);
    for (const d of deltas)
      lines.push(
        `  ${(d.calls / sessions).toFixed(1).padStart(7)} ${(d.rows / sessions).toFixed(1).padStart(7)}  ${d.query}`,
      );
  }
  return lines;
}

/** The sessions claimed before any run ended: how fast idle workers take new jobs. */
function firstWave(traces: SessionTrace[]): SessionTrace[] {
  const firstEnd = Math.min(...traces.map((t) => t.handlerEnd));
  return traces.filter((t) => t.claimedAt < firstEnd);
}
