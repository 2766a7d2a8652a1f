import { afterAll, inject } from "vitest";
import {
  createDatabase,
  databaseNameOf,
  dropDatabase,
  uniqueDatabaseName,
  withDatabaseName,
  withMaintenanceClient,
} from "../db/migrations/postgres";

// Vitest setupFiles entry: every test file gets its own database, a copy of the migrated template
// made by global-setup.ts, and DATABASE_URL points at it before the file's own imports run
// (setup files are evaluated first, and top-level await finishes before the test file loads).
// The database is dropped after the file.

const { serverUrl, templateDatabase, cloneStrategy } = inject("testDatabase");
const databaseUrl = withDatabaseName(serverUrl, uniqueDatabaseName("magnet_test"));

await createDatabase(databaseUrl, { template: templateDatabase, strategy: cloneStrategy });
process.env.DATABASE_URL = databaseUrl;

afterAll(async () => {
  // Loading Prisma Client costs ~100 ms, so files that never connected do not load it just to
  // disconnect; DROP ... WITH (FORCE) ends any other session.
  if (await hasSessions(databaseUrl)) {
    const { disconnectDb } = await import("../db/client");
    await disconnectDb();
  }
  await dropDatabase(databaseUrl);
});

async function hasSessions(url: string): Promise<boolean> {
  return withMaintenanceClient(url, async (client) => {
    const result = await client.query("SELECT 1 FROM pg_stat_activity WHERE datname = $1 LIMIT 1", [
      databaseNameOf(url),
    ]);
    return result.rowCount === 1;
  });
}
