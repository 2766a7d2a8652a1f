import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";

// The one Prisma client of the process. Created on first use so that CLIs and tests can set
// DATABASE_URL before anything touches the database. Its pool is ours, with timeouts: when the
// database is saturated a request fails after a few seconds instead of hanging every route.
const globalForDb = globalThis as unknown as { magnetDb?: PrismaClient; magnetPool?: pg.Pool };

/** Pool settings; DB_POOL_MAX, DB_CONNECT_TIMEOUT_MS and DB_STATEMENT_TIMEOUT_MS override them. */
export function poolConfig(connectionString: string): pg.PoolConfig {
  const setting = (name: string, fallback: number) => {
    const value = Number(process.env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    connectionString,
    max: setting("DB_POOL_MAX", 10),
    connectionTimeoutMillis: setting("DB_CONNECT_TIMEOUT_MS", 10_000),
    // Imports of whole datasets are the longest statements: seconds, not minutes.
    statement_timeout: setting("DB_STATEMENT_TIMEOUT_MS", 60_000),
    idleTimeoutMillis: 30_000,
    application_name: "magnet-studio",
  };
}

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set: run `npm run studio`, or set it in .env");
  }
  return url;
}

export function getDb(): PrismaClient {
  if (!globalForDb.magnetDb) {
    const pool = new pg.Pool(poolConfig(databaseUrl()));
    // An idle client's error (the server went away) must not crash the process; the pool drops it.
    pool.on("error", () => {});
    globalForDb.magnetPool = pool;
    globalForDb.magnetDb = new PrismaClient({ adapter: new PrismaPg(pool) });
  }
  return globalForDb.magnetDb;
}

/**
 * Opens up to `count` connections of `pool` at once and leaves them idle, so work that is about to need
 * them (a worker's first sessions) does not open them one by one while it waits.
 */
export async function openConnections(pool: pg.Pool, count: number): Promise<void> {
  // Held together, idle ones are taken first and only the rest are opened.
  const wanted = Math.min(count, pool.options.max ?? count);
  const clients = await Promise.all(Array.from({ length: wanted }, () => pool.connect()));
  for (const client of clients) client.release();
}

/** Opens `count` connections of the app's pool ahead of use (see openConnections). */
export async function warmDbPool(count: number): Promise<void> {
  getDb();
  if (globalForDb.magnetPool) await openConnections(globalForDb.magnetPool, count);
}

/** Connections of the app's pool: open, idle, and requests waiting for one (for /api/health). */
export function poolStats(): { max: number; total: number; idle: number; waiting: number } | null {
  const pool = globalForDb.magnetPool;
  if (!pool) return null;
  return { max: pool.options.max, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

export async function disconnectDb(): Promise<void> {
  const { magnetDb, magnetPool } = globalForDb;
  globalForDb.magnetDb = undefined;
  globalForDb.magnetPool = undefined;
  await magnetDb?.$disconnect();
  await magnetPool?.end().catch(() => {});
}

export { Prisma } from "./generated/client";
export type { PrismaClient };
