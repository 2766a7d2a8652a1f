import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../db/embedded";
import { applyMigrations } from "../db/migrations";
import { databaseNameOf, dropDatabase, uniqueDatabaseName, withDatabaseName } from "../db/migrations/postgres";

// Vitest globalSetup: one PostgreSQL server for the run and a template database with the
// migrations applied. Each test file then clones the template (see fresh-database.ts).
// TEST_DATABASE_URL=postgresql://user@host:port/db uses that server (CI); otherwise an embedded
// server runs from a temp dir for the duration of the run.

export interface TestDatabaseContext {
  /** URL of the test server (any database on it); use withDatabaseName() to point it elsewhere. */
  serverUrl: string;
  /** The migrated database every test file's database is created from. */
  templateDatabase: string;
  /** How to copy it: FILE_COPY on our fsync-less embedded server, the server's default otherwise. */
  cloneStrategy?: "FILE_COPY";
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseContext;
  }
}

interface TestServer {
  url: string;
  /** Whether fsync is off, which makes FILE_COPY the cheap way to clone (~25 ms instead of ~60 ms). */
  throwaway: boolean;
  stop(): Promise<void>;
}

// A throwaway cluster need not survive a crash, and creating databases is much faster without fsync.
const THROWAWAY_SETTINGS = { fsync: "off", synchronous_commit: "off", full_page_writes: "off" };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await testServer();
  const templateUrl = withDatabaseName(server.url, uniqueDatabaseName("magnet_test_template"));
  const teardown = async () => {
    try {
      await dropDatabase(templateUrl);
    } finally {
      await server.stop();
    }
  };
  try {
    await applyMigrations(templateUrl);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("testDatabase", {
    serverUrl: server.url,
    templateDatabase: databaseNameOf(templateUrl),
    cloneStrategy: server.throwaway ? "FILE_COPY" : undefined,
  });
  return teardown;
}

async function testServer(): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) return { url: external, throwaway: false, stop: async () => {} };

  const dir = await mkdtemp(path.join(os.tmpdir(), "magnet-test-pg-"));
  // Run as root, the server runs as the `postgres` user, which must be able to enter this folder.
  await chmod(dir, 0o755);
  const removeDir = () => rm(dir, { recursive: true, force: true });
  try {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), settings: THROWAWAY_SETTINGS });
    return {
      url: embedded.url,
      throwaway: true,
      stop: async () => {
        await embedded.stop();
        await removeDir();
      },
    };
  } catch (error) {
    await removeDir();
    throw error;
  }
}
