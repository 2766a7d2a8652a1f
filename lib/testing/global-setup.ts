import { chmod, mkdtemp, rm, statfs } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../db/embedded";
import { applyMigrations } from "../db/migrations";
import {
  databaseNameOf,
  dropDatabase,
  uniqueDatabaseName,
  withDatabaseName,
  withMaintenanceClient,
} from "../db/migrations/postgres";

// Vitest globalSetup: one PostgreSQL server for the run and a template database with the
// migrations applied. Each test file then clones the template (see fresh-database.ts).
// TEST_DATABASE_URL=postgresql://user@host:port/db uses that server (CI); otherwise an embedded
// server runs for the duration of the run from a scratch dir (in RAM if /dev/shm has room).

export interface TestDatabaseContext {
  /** URL of the test server (any database on it); use withDatabaseName() to point it elsewhere. */
  serverUrl: string;
  /** The migrated database every test file's database is created from. */
  templateDatabase: string;
  /** How to copy it: FILE_COPY on a server without fsync, the server's default otherwise. */
  cloneStrategy?: "FILE_COPY";
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseContext;
  }
}

interface TestServer {
  url: string;
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
    cloneStrategy: await cloneStrategy(server.url),
  });
  return teardown;
}

async function testServer(): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) return { url: external, stop: async () => {} };

  const dir = await mkdtemp(path.join(await scratchRoot(), "magnet-test-pg-"));
  // Run as root, the server runs as the `postgres` user, which must be able to enter this folder.
  await chmod(dir, 0o755);
  const removeDir = () => rm(dir, { recursive: true, force: true });
  try {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(dir, "data"),
      settings: THROWAWAY_SETTINGS,
    });
    return {
      url: embedded.url,
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

const RAM_DISK = "/dev/shm";
const RAM_DISK_MIN_FREE = 1024 ** 3;

/**
 * Where the throwaway cluster lives: in RAM when there is a roomy tmpfs (measured: CREATE DATABASE
 * 10–20 ms there, 30–300 ms on a disk busy with other work), else the temp dir.
 */
async function scratchRoot(): Promise<string> {
  const ram = await statfs(RAM_DISK).catch(() => undefined);
  return ram && ram.bavail * ram.bsize >= RAM_DISK_MIN_FREE ? RAM_DISK : os.tmpdir();
}

/**
 * FILE_COPY (PostgreSQL 15+) clones small databases faster than the default WAL_LOG when the server
 * does not fsync (measured 15–30 ms against 50–100 ms); with fsync its checkpoints make it slower.
 */
async function cloneStrategy(serverUrl: string): Promise<"FILE_COPY" | undefined> {
  return withMaintenanceClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ fsync: string; version: number }>(
      "SELECT current_setting('fsync') AS fsync, current_setting('server_version_num')::int AS version",
    );
    return rows[0]?.fsync === "off" && (rows[0]?.version ?? 0) >= 150000 ? "FILE_COPY" : undefined;
  });
}
