import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type ConnectionInfo,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { createDatabase, dropDatabase, uniqueDatabaseName, withDatabaseName } from "./postgres";

// The driver adapter factory the schema engine runs on. It wraps @prisma/adapter-pg 7.10 and works
// around what goes wrong when the engine uses it for migrations (measured, see
// /work/shared/notes/toolchain.md):
// - its shadow database connection follows the URL's database name, i.e. goes to the main database,
//   so we connect to the shadow database by a URL that names it;
// - it drops the shadow database while its own pool is still connected, so we close the pool first
//   and then drop `WITH (FORCE)`;
// - it rejects result columns of Postgres's internal `"char"` type (OID 18), which the engine's
//   catalog queries return, so the pg client reports them as text and the adapter then types
//   them as characters, which is how the engine reads them (PostgreSQL 18 lists NOT NULL
//   constraints in pg_constraint, so there the engine meets such rows on every table);
// - its executeScript splits scripts on every ";" (breaking string literals and function bodies),
//   so we send the whole script as one simple-protocol query, as Prisma's native engine does.

const CHAR_OID = 18;
const TEXT_OID = 25;
const SHADOW_DATABASE_PREFIX = "prisma_shadow";

type FieldsLike = { fields?: { dataTypeID: number }[] };
type Callback = (error: Error | null, result: unknown) => void;

/**
 * Which result columns of a query have the `"char"` type, by query text (a property of the query,
 * so concurrent runs of the same query agree). The pg client fills it in; the adapter reads it.
 */
type CharColumns = Map<string, number[]>;

/**
 * A pg client class whose results describe `"char"` columns as text, so that @prisma/adapter-pg
 * accepts them (the values are one-character strings either way), and which records where they
 * were so the adapter can give the engine the type it reads them as.
 */
function charAwareClient(charColumns: CharColumns): typeof pg.Client {
  function fix<T>(sql: string | undefined, result: T): T {
    // Several statements in one simple query give an array of results; only scripts do that.
    if (Array.isArray(result)) {
      for (const each of result) describeCharAsText(each);
    } else {
      const indices = describeCharAsText(result as FieldsLike);
      if (indices.length > 0 && sql !== undefined) charColumns.set(sql, indices);
    }
    return result;
  }
  const fixing =
    (sql: string | undefined, callback: Callback): Callback =>
    (error, result) =>
      callback(error, error ? result : fix(sql, result));

  return class CharAwareClient extends pg.Client {
    // biome-ignore lint/suspicious/noExplicitAny: matches every overload of pg.Client#query
    override query(config: any, values?: any, callback?: any): any {
      const sql: string | undefined = typeof config === "string" ? config : config?.text;
      if (typeof values === "function") return super.query(config, fixing(sql, values));
      if (typeof callback === "function") return super.query(config, values, fixing(sql, callback));
      const result = super.query(config, values);
      return result instanceof Promise ? result.then((value) => fix(sql, value)) : result;
    }
  };
}

/** Re-labels the result's `"char"` fields as text; returns their indices. */
function describeCharAsText(result: FieldsLike | undefined): number[] {
  const indices: number[] = [];
  result?.fields?.forEach((field, index) => {
    if (field.dataTypeID !== CHAR_OID) return;
    field.dataTypeID = TEXT_OID;
    indices.push(index);
  });
  return indices;
}

/**
 * Delegates to a pg adapter; gives `"char"` columns their type, runs scripts whole, and runs
 * `afterDispose` once the pool is closed. (The engine's transactions are left as they are: it
 * reads the catalog outside them.)
 */
class MigrationAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;
  private disposed = false;

  private constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly charColumns: CharColumns,
    private readonly afterDispose: () => Promise<void>,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  static async connect(url: string, afterDispose: () => Promise<void>): Promise<MigrationAdapter> {
    const charColumns: CharColumns = new Map();
    const Client = charAwareClient(charColumns);
    const inner = await new PrismaPg({ connectionString: url, Client, allowExitOnIdle: true }).connect();
    return new MigrationAdapter(inner, charColumns, afterDispose);
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    const result = await this.inner.queryRaw(query);
    // The engine reads "char" columns (e.g. pg_constraint.contype) as characters, not text.
    for (const index of this.charColumns.get(query.sql) ?? []) {
      result.columnTypes[index] = ColumnTypeEnum.Character;
    }
    return result;
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }

  async executeScript(script: string): Promise<void> {
    // Without parameters pg uses the simple query protocol, which accepts several statements.
    await this.inner.executeRaw({ sql: script, args: [], argTypes: [] });
  }

  startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return this.inner.startTransaction(isolationLevel);
  }

  getConnectionInfo(): ConnectionInfo {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    try {
      await this.inner.dispose();
    } finally {
      await this.afterDispose();
    }
  }
}

/**
 * Adapter factory for the schema engine on the database of `databaseUrl`. Shadow databases are
 * created on the same server (the URL's user needs CREATEDB) and dropped when the engine is done
 * with them. Call `close()` when done with the engine: it disposes whatever the engine left open.
 */
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  private readonly adapters: MigrationAdapter[] = [];

  constructor(private readonly databaseUrl: string) {}

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await MigrationAdapter.connect(this.databaseUrl, async () => {}));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadowUrl = withDatabaseName(this.databaseUrl, uniqueDatabaseName(SHADOW_DATABASE_PREFIX));
    await createDatabase(shadowUrl);
    const dropShadow = () => dropDatabase(shadowUrl);
    try {
      return this.track(await MigrationAdapter.connect(shadowUrl, dropShadow));
    } catch (error) {
      await dropShadow();
      throw error;
    }
  }

  /** Disposes every adapter handed out (disposing twice is a no-op), reporting the first failure. */
  async close(): Promise<void> {
    const results = await Promise.allSettled(this.adapters.map((adapter) => adapter.dispose()));
    const failure = results.find((result) => result.status === "rejected");
    if (failure) throw failure.reason;
  }

  private track(adapter: MigrationAdapter): MigrationAdapter {
    this.adapters.push(adapter);
    return adapter;
  }
}
