import "server-only";
import pg from "pg";
import { databaseUrl, poolStats } from "@/lib/db/client";
import { eventHubStats } from "@/lib/live/event-hub";
import { publisherConnected } from "./live-run";
import { activeRuns, maxRuns } from "./run-registry";

// What /api/health reports, so an operator (and a test, and the drills) can see leaks and saturation:
// live watchers, runs, the database pool, the event listener. The database probe has a connection of
// its own with short timeouts, so health answers (503 at worst) even when the app's pool is exhausted.

const globalForHealth = globalThis as unknown as { magnetHealthPool?: pg.Pool };

function probePool(): pg.Pool {
  if (!globalForHealth.magnetHealthPool) {
    const pool = new pg.Pool({
      connectionString: databaseUrl(),
      max: 1,
      connectionTimeoutMillis: 2_000,
      statement_timeout: 2_000,
      idleTimeoutMillis: 60_000,
      application_name: "magnet-health",
    });
    pool.on("error", () => {});
    globalForHealth.magnetHealthPool = pool;
  }
  return globalForHealth.magnetHealthPool;
}

export interface StudioHealth {
  ok: boolean;
  database: { ok: boolean; latencyMs: number; error?: string; pool: ReturnType<typeof poolStats> };
  /** Sessions whose status is `running`, in any process. */
  runningSessions: number | null;
  /** Runs held by this process, and its cap (STUDIO_MAX_RUNS). */
  runs: { active: number; max: number };
  watchers: number;
  watchedSessions: number;
  eventListener: string;
  /** null: this process has published nothing yet. */
  publisherConnected: boolean | null;
}

export async function getStudioHealth(): Promise<StudioHealth> {
  const started = performance.now();
  const probe = await probePool()
    .query<{ running: number }>(`SELECT count(*)::int AS running FROM "Session" WHERE "status" = 'running'`)
    .then(
      (result) => ({ ok: true, running: result.rows[0]?.running ?? 0 }),
      (error: Error) => ({ ok: false, running: null, error: error.message }),
    );
  const hub = eventHubStats();
  return {
    ok: probe.ok,
    database: {
      ok: probe.ok,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
      ...("error" in probe ? { error: probe.error } : {}),
      pool: poolStats(),
    },
    runningSessions: probe.running,
    runs: { active: activeRuns(), max: maxRuns() },
    watchers: hub.watchers,
    watchedSessions: hub.watchedSessions,
    eventListener: hub.listener,
    publisherConnected: (await publisherConnected()) ?? null,
  };
}
