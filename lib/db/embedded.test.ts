import { chmod, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type EmbeddedPostgresServer,
  findRunningEmbeddedPostgres,
  PASSWORD_FILE,
  startEmbeddedPostgres,
} from "./embedded";

let dir: string;
const started: EmbeddedPostgresServer[] = [];

async function start(options: { port?: number } = {}): Promise<EmbeddedPostgresServer> {
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), ...options });
  started.push(server);
  return server;
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

function occupyPort(): Promise<net.Server & { port: number }> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const address = server.address() as net.AddressInfo;
      resolve(Object.assign(server, { port: address.port }));
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "magnet-embedded-test-"));
  await chmod(dir, 0o755); // run as root, the server's own user must reach the data dir
});

afterAll(async () => {
  await Promise.all(started.map((server) => server.stop()));
  await rm(dir, { recursive: true, force: true });
});

describe("startEmbeddedPostgres", () => {
  it("initialises a cluster, and a later start on the same data dir finds its data", async () => {
    const busy = await occupyPort();
    try {
      const first = await start({ port: busy.port });
      expect(first.initialised).toBe(true);
      expect(first.port).not.toBe(busy.port);
      await query(
        first.url,
        "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('from the first start')",
      );
      const [settings] = await query<{ server_encoding: string }>(first.url, "SHOW server_encoding");
      expect(settings).toEqual({ server_encoding: "UTF8" });
      await first.stop();
      await first.stop();
    } finally {
      busy.close();
    }

    const second = await start();
    expect(second.initialised).toBe(false);
    expect(await query(second.url, "SELECT note FROM kept")).toEqual([{ note: "from the first start" }]);
    await expect(start()).rejects.toThrow(/already running/);
    await second.stop();
  }, 120_000);
});

describe("the embedded server's credentials and folders", () => {
  const modeOf = async (target: string) => (await stat(target)).mode & 0o7777;

  it("makes a random password per cluster, kept in the data folder with mode 0600", async () => {
    const first = await start();
    const password = decodeURIComponent(new URL(first.url).password);
    expect(password).not.toBe("postgres");
    expect(password.length).toBeGreaterThanOrEqual(24);
    const file = path.join(first.dataDir, PASSWORD_FILE);
    expect(await modeOf(file)).toBe(0o600);
    expect((await readFile(file, "utf8")).trim()).toBe(password);
    expect(await findRunningEmbeddedPostgres(first.dataDir)).toBe(first.url);
    await expect(
      query(first.url.replace(encodeURIComponent(password), "postgres"), "SELECT 1"),
    ).rejects.toThrow(/password authentication failed/);
    await first.stop();
    const again = await start();
    expect(again.url).toBe(first.url.replace(`:${first.port}/`, `:${again.port}/`));
    await again.stop();
  }, 120_000);

  it("keeps a cluster made before password files working with the old password", async () => {
    const legacy = await startEmbeddedPostgres({ dataDir: path.join(dir, "legacy"), password: "postgres" });
    started.push(legacy);
    await legacy.stop();
    await rm(path.join(legacy.dataDir, PASSWORD_FILE));
    const reopened = await startEmbeddedPostgres({ dataDir: legacy.dataDir });
    started.push(reopened);
    expect(await query(reopened.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    await reopened.stop();
  }, 120_000);

  it.runIf(process.getuid?.() === 0)(
    "as root in a private (700) folder: leaves every folder's mode as it was, and PL/pgSQL works",
    async () => {
      const root = await mkdtemp(path.join(os.tmpdir(), "magnet-private-"));
      await chmod(root, 0o700);
      const ancestors = [root, path.dirname(root)];
      const before = await Promise.all(ancestors.map(modeOf));
      try {
        const server = await startEmbeddedPostgres({ dataDir: path.join(root, "nested", "data") });
        started.push(server);
        expect(await Promise.all(ancestors.map(modeOf))).toEqual(before);
        await query(
          server.url,
          `CREATE FUNCTION twice(n int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN n * 2; END $$;
           DO $$ BEGIN PERFORM twice(2); END $$`,
        );
        expect(await query(server.url, "SELECT twice(21) AS v")).toEqual([{ v: 42 }]);
        await server.stop();
        const again = await startEmbeddedPostgres({ dataDir: server.dataDir });
        started.push(again);
        expect(await query(again.url, "SELECT twice(4) AS v")).toEqual([{ v: 8 }]);
        expect(await Promise.all(ancestors.map(modeOf))).toEqual(before);
        await again.stop();
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
    120_000,
  );
});

describe("a server in a process group of its own", () => {
  const groupOf = async (pid: number) => {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
  };

  it.runIf(process.platform === "linux")(
    "is not in the starter's group, so a terminal's Ctrl-C misses it",
    async () => {
      const server = await startEmbeddedPostgres({
        dataDir: path.join(dir, "own-group"),
        ownProcessGroup: true,
      });
      started.push(server);
      const pid = Number(
        (await readFile(path.join(server.dataDir, "postmaster.pid"), "utf8")).split("\n")[0],
      );
      expect(await groupOf(pid)).toBe(pid);
      expect(await groupOf(pid)).not.toBe(await groupOf(process.pid));
      expect(await query(server.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
      await server.stop();
      const shared = await startEmbeddedPostgres({ dataDir: path.join(dir, "own-group") });
      started.push(shared);
      const sharedPid = Number(
        (await readFile(path.join(shared.dataDir, "postmaster.pid"), "utf8")).split("\n")[0],
      );
      expect(await groupOf(sharedPid)).toBe(await groupOf(process.pid));
      await shared.stop();
    },
    120_000,
  );
});
