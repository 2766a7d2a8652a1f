import path from "node:path";
import { disconnectDb } from "@/lib/db/client";
import { findRunningEmbeddedPostgres, startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";
import { redactUrl, withDatabaseName } from "@/lib/db/migrations/postgres";

/** The studio's database inside its embedded server. */
export const STUDIO_DATABASE = "magnet";
export const STUDIO_EMBEDDED_PORT = 54329;

export interface StudioDatabase {
  url: string;
  /** Where the data is, for people: never shows a password. */
  description: string;
  /** Stops the embedded server if this call started it; otherwise does nothing. */
  close(): Promise<void>;
}

export function studioDataDir(root = process.cwd()): string {
  return path.resolve(process.env.STUDIO_DATA_DIR ?? path.join(root, ".data", "postgres"));
}

/**
 * The database every studio command uses: DATABASE_URL when set; otherwise the embedded server in
 * the studio's data folder — the one a running `npm run studio` serves, or one started for as long
 * as this command runs. So `npm run import` and friends need no set-up either. `ownProcessGroup`
 * (the studio): a terminal's Ctrl-C then reaches the studio, which stops the app first (it records
 * its runs stopped) and the database last; commands without such a stop leave it in their group.
 */
export async function openStudioDatabase(
  dataDir = studioDataDir(),
  { ownProcessGroup = false }: { ownProcessGroup?: boolean } = {},
): Promise<StudioDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    return { url: configured, description: `${redactUrl(configured)} (DATABASE_URL)`, close: async () => {} };
  }
  const running = await findRunningEmbeddedPostgres(dataDir);
  if (running) {
    return {
      url: withDatabaseName(running, STUDIO_DATABASE),
      description: `embedded PostgreSQL already running from ${dataDir}`,
      close: async () => {},
    };
  }
  const server = await startEmbeddedPostgres({ dataDir, port: STUDIO_EMBEDDED_PORT, ownProcessGroup });
  return {
    url: withDatabaseName(server.url, STUDIO_DATABASE),
    description: `embedded PostgreSQL (${server.initialised ? "new cluster" : "existing data"} in ${dataDir}, port ${server.port})`,
    close: server.stop,
  };
}

/**
 * Runs a command's work against the studio database, with the migrations applied first (a no-op
 * when up to date) so a command run before the first `npm run studio` still finds its tables.
 * DATABASE_URL is set for the work, so the one Prisma client finds it.
 */
export async function withStudioDatabase<T>(
  work: (url: string) => Promise<T>,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<T> {
  const db = await openStudioDatabase();
  try {
    if (migrate) await applyMigrations(db.url);
    process.env.DATABASE_URL = db.url;
    return await work(db.url);
  } finally {
    await disconnectDb();
    await db.close();
  }
}
