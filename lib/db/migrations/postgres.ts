import { randomBytes } from "node:crypto";
import pg from "pg";

// Small helpers to manage whole databases on a PostgreSQL server given by a connection URL.
// Database-level statements (CREATE/DROP DATABASE) run from the server's maintenance database,
// `postgres`, because a session cannot drop the database it is connected to.

export const MAINTENANCE_DATABASE = "postgres";
const DUPLICATE_DATABASE = "42P04";
const UNKNOWN_DATABASE = "3D000";

/** The database name of a PostgreSQL connection URL. */
export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(parseUrl(url).pathname.replace(/^\//, ""));
  if (!name) {
    throw new Error(`The database URL names no database: ${redactUrl(url)}`);
  }
  return name;
}

/** The same server and credentials as `url`, pointing at another database. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = parseUrl(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** `url` with its password hidden, for error messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<unparseable database URL>";
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A database name that no other run will pick: `<prefix>_<16 hex chars>`, lower case. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString("hex")}`;
}

/** Runs `work` with a single connection to the maintenance database of the server of `url`. */
export async function withMaintenanceClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabaseName(url, MAINTENANCE_DATABASE) });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${messageOf(error)}`, {
      cause: error,
    });
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(url: string): Promise<boolean> {
  const name = databaseNameOf(url);
  return withMaintenanceClient(url, async (client) => {
    const result = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return result.rowCount === 1;
  });
}

export interface CreateDatabaseOptions {
  /** Copy this database instead of `template1`; it must have no open connections. */
  template?: string;
  /**
   * How PostgreSQL 15+ copies the template. FILE_COPY is the faster one for small databases on a
   * server without fsync; the server's default (WAL_LOG) is the safer choice elsewhere.
   */
  strategy?: "WAL_LOG" | "FILE_COPY";
}

/** Creates the database named in `url`; fails if it exists. */
export async function createDatabase(url: string, options: CreateDatabaseOptions = {}): Promise<void> {
  const name = databaseNameOf(url);
  const template = options.template ? ` TEMPLATE ${quoteIdentifier(options.template)}` : "";
  const strategy = options.strategy ? ` STRATEGY ${options.strategy}` : "";
  await withMaintenanceClient(url, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}${template}${strategy}`);
    } catch (error) {
      throw new Error(`Cannot create database "${name}": ${messageOf(error)}`, { cause: error });
    }
  });
}

/**
 * Creates the database named in `url` unless it exists. Returns whether it created it. Only when
 * the database is missing does it need the maintenance database (and CREATEDB).
 */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseNameOf(url);
  if (await databaseAccepts(url)) return false;
  return withMaintenanceClient(url, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
      return true;
    } catch (error) {
      // Another process created it between our check and our CREATE.
      if (pgErrorCode(error) === DUPLICATE_DATABASE) return false;
      throw new Error(`Cannot create database "${name}": ${messageOf(error)}`, { cause: error });
    }
  });
}

/** Whether a connection to the database of `url` succeeds; false if it does not exist. */
async function databaseAccepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if (pgErrorCode(error) === UNKNOWN_DATABASE) return false;
    throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${messageOf(error)}`, {
      cause: error,
    });
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Drops the database named in `url` if it exists, ending any sessions still connected to it
 * (`WITH (FORCE)`, PostgreSQL 13+).
 */
export async function dropDatabase(url: string): Promise<void> {
  const name = databaseNameOf(url);
  await withMaintenanceClient(url, async (client) => {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    } catch (error) {
      throw new Error(`Cannot drop database "${name}": ${messageOf(error)}`, { cause: error });
    }
  });
}

function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("The database URL is not a valid URL (expected postgresql://user@host:port/database)");
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new Error(`The database URL must start with postgresql:// (got ${parsed.protocol}//)`);
  }
  return parsed;
}

function pgErrorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
