import type { SchemaFilter } from "@prisma/schema-engine-wasm";
import { MigrationAdapterFactory } from "./adapter";
import {
  DEFAULT_PROVIDER,
  type MigrationPathsOptions,
  migrationSlug,
  readMigrationList,
  readSchemaFiles,
  resolveMigrationPaths,
  writeMigration,
} from "./files";
import { ensureDatabase, MAINTENANCE_DATABASE, messageOf, redactUrl, withDatabaseName } from "./postgres";
import { guardPanics, openSchemaEngine, type SchemaEngine, type SchemaFile } from "./wasm-engine";

// Prisma migrations without Prisma's native schema engine: the same commands, folder layout and
// `_prisma_migrations` bookkeeping as `prisma migrate deploy` / `prisma migrate dev --create-only`,
// run by the WebAssembly engine over the pg driver adapter.

export type { MigrationPaths, MigrationPathsOptions } from "./files";
export { resolveMigrationPaths } from "./files";

const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

export interface ApplyMigrationsResult {
  /** Names of the migrations applied by this call, oldest first; empty when the database was up to date. */
  applied: string[];
  /** Whether the database did not exist and was created. */
  createdDatabase: boolean;
}

/**
 * Applies the not yet applied migrations of prisma/migrations to the database of `databaseUrl`,
 * creating the database first if it does not exist. Running it again is a no-op.
 */
export async function applyMigrations(
  databaseUrl: string,
  options: MigrationPathsOptions = {},
): Promise<ApplyMigrationsResult> {
  const { migrationsDir } = resolveMigrationPaths(options);
  const createdDatabase = await ensureDatabase(databaseUrl);
  const migrationsList = await readMigrationList(migrationsDir);
  const output = await withEngine(databaseUrl, [], "Applying migrations", (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
  );
  return { applied: output.appliedMigrationNames, createdDatabase };
}

/**
 * The SQL that would take a database built from the committed migrations to the Prisma schema;
 * "" when they agree. Replays the migrations in a temporary shadow database on the server of
 * `databaseUrl` (its user needs CREATEDB); the database named in the URL need not exist.
 */
export async function diffMigrationsToSchema(
  databaseUrl: string,
  options: MigrationPathsOptions = {},
): Promise<string> {
  const { schemaPath, migrationsDir } = resolveMigrationPaths(options);
  const files = await readSchemaFiles(schemaPath);
  const migrationsList = await readMigrationList(migrationsDir);
  const result = await withEngine(
    serverUrl(databaseUrl),
    files,
    "Comparing migrations with the schema",
    (engine) =>
      engine.diff({
        from: { tag: "migrations", ...migrationsList },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: true,
        filters: NO_FILTERS,
      }),
  );
  // With `exitCode: true` the engine answers 2 when there is a difference, 0 when there is none.
  return result.exitCode === 0 ? "" : (result.stdout ?? "");
}

export interface CreatedMigration {
  /** The migration folder's name, `<YYYYMMDDHHMMSS>_<slug>` (UTC). */
  name: string;
  /** Absolute path of its migration.sql. */
  path: string;
  sql: string;
}

export interface CreateMigrationOptions extends MigrationPathsOptions {
  /** The migration's timestamp; now by default. */
  now?: Date;
}

/** Thrown by createMigration when the schema and the migrations already agree. */
export class NoSchemaChangesError extends Error {
  constructor() {
    super("The Prisma schema and the migrations agree: there is nothing to put in a new migration.");
    this.name = "NoSchemaChangesError";
  }
}

/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the committed
 * migrations to the Prisma schema (and migration_lock.toml). `name` is slugged as Prisma does.
 * Uses a shadow database on the server of `databaseUrl`; does not apply the migration, and the
 * database named in the URL need not exist.
 */
export async function createMigration(
  name: string,
  databaseUrl: string,
  options: CreateMigrationOptions = {},
): Promise<CreatedMigration> {
  const slug = migrationSlug(name);
  if (!slug) {
    throw new Error(`"${name}" is not a usable migration name: use letters, digits and "_"`);
  }
  // The wasm engine's own createMigration cannot use a shadow database from a driver adapter
  // ("PostgreSQL shadow DB must be provided through an external factory"), its diff can.
  const sql = await diffMigrationsToSchema(databaseUrl, options);
  if (!sql) {
    throw new NoSchemaChangesError();
  }
  const folderName = `${migrationTimestamp(options.now ?? new Date())}_${slug}`;
  const { migrationsDir } = resolveMigrationPaths(options);
  // Migrations run in folder-name order, so a new one must sort last.
  const latest = (await readMigrationList(migrationsDir)).migrationDirectories.at(-1)?.path;
  if (latest !== undefined && folderName <= latest) {
    throw new Error(`The new migration ${folderName} would sort before ${latest}; is the clock right?`);
  }
  const sqlPath = await writeMigration(migrationsDir, folderName, sql, DEFAULT_PROVIDER);
  return { name: folderName, path: sqlPath, sql };
}

/** Prisma's migration timestamp: YYYYMMDDHHMMSS in UTC. */
function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

/** Where diffs run: they only use shadow databases, so any database of the server will do. */
function serverUrl(databaseUrl: string): string {
  return withDatabaseName(databaseUrl, MAINTENANCE_DATABASE);
}

/** Runs `work` on a schema engine connected to `databaseUrl`, then releases every connection it made. */
async function withEngine<T>(
  databaseUrl: string,
  schemaFiles: SchemaFile[],
  action: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const adapterFactory = new MigrationAdapterFactory(databaseUrl);
  let engine: SchemaEngine | undefined;
  try {
    return await guardPanics(async () => {
      engine = await openSchemaEngine({ schemaFiles, adapterFactory });
      return work(engine);
    });
  } catch (error) {
    throw new Error(`${action} on ${redactUrl(databaseUrl)} failed: ${messageOf(error)}`, { cause: error });
  } finally {
    freeQuietly(engine);
    await adapterFactory.close();
  }
}

function freeQuietly(engine: SchemaEngine | undefined): void {
  try {
    engine?.free();
  } catch {
    // An engine that panicked cannot be freed; its instance is abandoned anyway.
  }
}
