import "server-only";
import { AppError } from "@/lib/errors";

// The runs of this process: capped (each holds a database connection for its run lock, and the
// embedded server allows 100), and stopped cleanly when the process is asked to stop (SIGTERM,
// Ctrl-C), so their sessions end `stopped` and resumable instead of `running` forever.

const DEFAULT_MAX_RUNS = 16;
/** How long a stopping process waits for its runs to record `stopped`. */
const SHUTDOWN_GRACE_MS = 8_000;

export interface TrackedRun {
  readonly stop: AbortController;
  /** Keeps the run in the registry until `work` settles. */
  settle<T>(work: Promise<T>): Promise<T>;
}

interface Registry {
  runs: Map<string, { stop: AbortController; done: Promise<unknown> }>;
  shutdownInstalled: boolean;
  stopping: boolean;
  beforeExit: (() => Promise<void>)[];
}

const globalForRegistry = globalThis as unknown as { magnetRuns?: Registry };
globalForRegistry.magnetRuns ??= {
  runs: new Map(),
  shutdownInstalled: false,
  stopping: false,
  beforeExit: [],
};
const registry: Registry = globalForRegistry.magnetRuns;

/** STUDIO_MAX_RUNS, the runs one process may hold at once (default 16). */
export function maxRuns(): number {
  const value = Number(process.env.STUDIO_MAX_RUNS);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_MAX_RUNS;
}

export function activeRuns(): number {
  return registry.runs.size;
}

let nextKey = 0;

/**
 * Registers a run of `sessionId`. A web run (`web`: no caller signal) counts against the cap (429
 * beyond it) and is stopped by this module on SIGTERM/SIGINT; a CLI brings its own cap and signals.
 */
export function trackRun(sessionId: string, { web }: { web: boolean }): TrackedRun {
  if (web && registry.runs.size >= maxRuns()) {
    throw new AppError(
      "too_many_requests",
      `This studio already runs ${registry.runs.size} sessions (the limit, STUDIO_MAX_RUNS, is ${maxRuns()}); ` +
        "wait for one to finish or stop one",
      [{ field: "sessionId", message: "too many runs" }],
    );
  }
  if (web) installShutdown();
  const stop = new AbortController();
  const key = `${sessionId}#${nextKey++}`;
  return {
    stop,
    settle: (work) => {
      const done = work.finally(() => registry.runs.delete(key));
      registry.runs.set(key, { stop, done: done.catch(() => {}) });
      return done;
    },
  };
}

/** Work to do once the runs have stopped, before the process exits (closing the event hub…). */
export function onShutdown(work: () => Promise<void>): void {
  registry.beforeExit.push(work);
}

/** Whether this process is stopping its runs (their errors then are expected, e.g. the database going). */
export function stoppingAllRuns(): boolean {
  return registry.stopping;
}

/** Stops every run of this process and waits (bounded) for them to record it. */
export async function stopAllRuns(reason: string): Promise<void> {
  registry.stopping = true;
  const runs = [...registry.runs.values()];
  for (const run of runs) run.stop.abort(new Error(reason));
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise((resolve) => {
    timer = setTimeout(resolve, SHUTDOWN_GRACE_MS);
  });
  await Promise.race([Promise.all(runs.map((run) => run.done)), grace]);
  clearTimeout(timer);
  registry.stopping = false;
}

/**
 * The first web run installs the handlers. Next.js's own handler (absent with NEXT_MANUAL_SIG_HANDLE,
 * as the studio starts it) would exit without waiting for the runs.
 */
function installShutdown(): void {
  if (registry.shutdownInstalled) return;
  registry.shutdownInstalled = true;
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void stopAllRuns(`the process received ${signal}`)
      .then(() => Promise.allSettled(registry.beforeExit.map((work) => work())))
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}
