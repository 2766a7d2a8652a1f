import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MigrationAdapterFactory } from "./adapter";
import { migrationSlug } from "./files";
import {
  applyMigrations,
  createMigration,
  diffMigrationsToSchema,
  NoSchemaChangesError,
  resolveMigrationPaths,
} from "./index";
import { databaseExists, dropDatabase, uniqueDatabaseName, withDatabaseName } from "./postgres";

// The migration tooling on a copy of prisma/ in a temp dir, against the test server.

const serverUrl = process.env.DATABASE_URL ?? "";
const repoPaths = resolveMigrationPaths();
let projectRoot: string;
let migrationsDir: string;
const databasesToDrop: string[] = [];

function newDatabaseUrl(): string {
  const url = withDatabaseName(serverUrl, uniqueDatabaseName("magnet_tooling"));
  databasesToDrop.push(url);
  return url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function statementsOf(sql: string): string[] {
  return sql
    .split("\n")
    .filter((line) => !line.startsWith("--"))
    .join("\n")
    .split(";")
    .map((statement) => statement.trim())
    .filter(Boolean);
}

beforeAll(async () => {
  projectRoot = await mkdtemp(path.join(os.tmpdir(), "magnet-migrations-"));
  migrationsDir = path.join(projectRoot, "prisma/migrations");
  await mkdir(path.join(projectRoot, "prisma"));
  await cp(repoPaths.schemaPath, path.join(projectRoot, "prisma/schema.prisma"));
  await cp(repoPaths.migrationsDir, migrationsDir, { recursive: true });
});

afterAll(async () => {
  await Promise.all(databasesToDrop.map((url) => dropDatabase(url)));
  await rm(projectRoot, { recursive: true, force: true });
});

describe("migration tooling", () => {
  it("writes a migration with exactly the schema change, then applies each migration once", async () => {
    const options = { projectRoot };
    expect(await diffMigrationsToSchema(serverUrl, options)).toBe("");
    await expect(createMigration("nothing", serverUrl, options)).rejects.toBeInstanceOf(NoSchemaChangesError);

    const schemaPath = path.join(projectRoot, "prisma/schema.prisma");
    const schema = await readFile(schemaPath, "utf8");
    await writeFile(
      schemaPath,
      schema.replace("model Experiment {\n", "model Experiment {\n  notes String?\n"),
    );

    await expect(
      createMigration("too old", serverUrl, { ...options, now: new Date("2000-01-01T00:00:00Z") }),
    ).rejects.toThrow(/would sort before/);
    const created = await createMigration("Add experiment notes", serverUrl, options);
    expect(created.name).toMatch(/^\d{14}_add_experiment_notes$/);
    expect(created.path).toBe(path.join(migrationsDir, created.name, "migration.sql"));
    const statements = statementsOf(created.sql);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^ALTER TABLE "Experiment" ADD COLUMN\s+"notes" TEXT$/);
    expect(await readFile(created.path, "utf8")).toBe(created.sql);
    expect(await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toContain(
      'provider = "postgresql"',
    );
    expect(await diffMigrationsToSchema(serverUrl, options)).toBe("");

    const folders = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders.at(-1)).toBe(created.name);

    const databaseUrl = newDatabaseUrl();
    const first = await applyMigrations(databaseUrl, options);
    expect(first).toEqual({ applied: folders, createdDatabase: true });
    const second = await applyMigrations(databaseUrl, options);
    expect(second).toEqual({ applied: [], createdDatabase: false });

    const rows = await query<{ migration_name: string; checksum: string; finished: boolean; steps: number }>(
      databaseUrl,
      `SELECT migration_name, checksum, finished_at IS NOT NULL AND rolled_back_at IS NULL AS finished,
              applied_steps_count AS steps
       FROM _prisma_migrations ORDER BY migration_name`,
    );
    // Prisma records the SHA-256 of each migration.sql; `prisma migrate deploy` relies on it.
    const checksums = await Promise.all(
      folders.map(async (folder) =>
        createHash("sha256")
          .update(await readFile(path.join(migrationsDir, folder, "migration.sql")))
          .digest("hex"),
      ),
    );
    expect(rows).toEqual(
      folders.map((name, i) => ({ migration_name: name, checksum: checksums[i], finished: true, steps: 1 })),
    );
    const columns = await query(
      databaseUrl,
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'Experiment' AND column_name = 'notes'`,
    );
    expect(columns).toHaveLength(1);
  });

  it("runs each migration script whole, semicolons in strings and function bodies included", async () => {
    const root = path.join(projectRoot, "whole-scripts");
    const folder = path.join(root, "prisma/migrations/20200101000000_functions");
    await mkdir(folder, { recursive: true });
    await writeFile(
      path.join(folder, "migration.sql"),
      [
        `CREATE TABLE "Note" ("id" TEXT NOT NULL DEFAULT 'a;b', CONSTRAINT "Note_pkey" PRIMARY KEY ("id"));`,
        `CREATE FUNCTION answer() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 42; END; $$;`,
      ].join("\n"),
    );
    const databaseUrl = newDatabaseUrl();
    expect((await applyMigrations(databaseUrl, { projectRoot: root })).applied).toEqual([
      "20200101000000_functions",
    ]);
    const [row] = await query<{ answer: number; id: string }>(
      databaseUrl,
      `INSERT INTO "Note" DEFAULT VALUES RETURNING id, answer() AS answer`,
    );
    expect(row).toEqual({ id: "a;b", answer: 42 });
  });

  it("reports a failing migration with the database's error", async () => {
    const root = path.join(projectRoot, "failing");
    const folder = path.join(root, "prisma/migrations/20200101000000_broken");
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "migration.sql"), `ALTER TABLE "Missing" ADD COLUMN "x" TEXT;`);
    await expect(applyMigrations(newDatabaseUrl(), { projectRoot: root })).rejects.toThrow(/Missing/);
  });
});

describe("MigrationAdapterFactory", () => {
  it("gives the engine a shadow database of its own, and drops it once the pool is closed", async () => {
    const factory = new MigrationAdapterFactory(serverUrl);
    const shadow = await factory.connectToShadowDb();
    const current = await shadow.queryRaw({
      sql: "SELECT current_database() AS name",
      args: [],
      argTypes: [],
    });
    const shadowName = String(current.rows[0]?.[0]);
    expect(shadowName).toMatch(/^prisma_shadow_[0-9a-f]{16}$/);
    // "char" columns, as in the engine's catalog queries, come back typed as characters.
    const kinds = await shadow.queryRaw({
      sql: "SELECT relkind FROM pg_class WHERE relname = 'pg_class'",
      args: [],
      argTypes: [],
    });
    expect(kinds.rows).toEqual([["r"]]);
    expect(kinds.columnTypes).toEqual([ColumnTypeEnum.Character]);

    await shadow.dispose();
    expect(await databaseExists(withDatabaseName(serverUrl, shadowName))).toBe(false);
    await factory.close();
  });
});

describe("migrationSlug", () => {
  it("makes names the way prisma migrate dev does", () => {
    expect(migrationSlug("Add Session-Notes!")).toBe("add_session_notes");
    expect(migrationSlug("  ÉTAPE 2 ")).toBe("etape_2");
    expect(migrationSlug("!!!")).toBe("");
  });
});
