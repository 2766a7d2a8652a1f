import { chmod, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedPostgresServer, startEmbeddedPostgres } from "./embedded";

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
