import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { signInToStudio } from "@/lib/bench/studio-auth";
import { findFreePort, findRunningEmbeddedPostgres } from "@/lib/db/embedded";
import { withDatabaseName } from "@/lib/db/migrations/postgres";
import { STUDIO_DATABASE } from "@/lib/studio/database";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "@/lib/testing/fake-openai-server";
import { closeAllWatches } from "./stream-client";
import { uniqueAnswer } from "./unique-answer";

// The built app as a user runs it (`npm run studio -- --no-build`), in a child process with its own
// embedded PostgreSQL in a temp dir, every agent pointed at a fake OpenAI-compatible server in this
// process. Shared by the live and page parts; run.ts closes it whatever happens.

export interface StudioHarness {
  url: string;
  fake: FakeOpenAIServer;
  /** The app's database, for bulk inserts. */
  databaseUrl: string;
  /** Sets the fake's pacing; answers always carry unique tokens. */
  pace(latencyMs: number, tokensPerSecond: number, answerTokens: number): void;
}

interface Pacing {
  latencyMs: number;
  tokensPerSecond: number;
  answerTokens: number;
  log: (line: string) => void;
}

const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;

let shared: Promise<StudioHarness> | undefined;
const cleanups: (() => Promise<void>)[] = [];

/** The one studio of this bench run, started on first use. */
export function sharedStudio(options: Pacing): Promise<StudioHarness> {
  shared ??= startStudio(options);
  return shared;
}

/** Stops the app, its database and the fake server and removes the temp dir; callers share one stop. */
export function closeSharedStudio(): Promise<void> {
  closing ??= stopAll().finally(() => {
    closing = undefined;
  });
  return closing;
}

let closing: Promise<void> | undefined;

/** Once stopping, whatever a start still in progress sets up is torn down at once. */
let stopping = false;

function track(cleanup: () => Promise<void>): void {
  if (!stopping) {
    cleanups.push(cleanup);
    return;
  }
  void cleanup();
  throw new Error("The bench is stopping");
}

async function stopAll(): Promise<void> {
  stopping = true;
  shared = undefined;
  closeAllWatches();
  while (cleanups.length) {
    await cleanups
      .pop()?.()
      .catch((error: unknown) =>
        console.error(`bench cleanup: ${error instanceof Error ? error.message : error}`),
      );
  }
}

async function startStudio(options: Pacing): Promise<StudioHarness> {
  const root = process.cwd();
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("No production build (.next/BUILD_ID is missing): run `npm run build` first");
  }
  const fake = await startFakeOpenAIServer({ seed: 1 });
  track(() => fake.close());
  const pace = (latencyMs: number, tokensPerSecond: number, answerTokens: number) =>
    fake.setBehaviour({ latencyMs, tokensPerSecond, answerTokens, answer: uniqueAnswer });
  pace(options.latencyMs, options.tokensPerSecond, options.answerTokens);

  const dir = await mkdtemp(path.join(tmpdir(), "magnet-bench-"));
  track(() => rm(dir, { recursive: true, force: true }));
  // As root the server runs as the `postgres` user, which must be able to enter this folder.
  await chmod(dir, 0o755);
  const dataDir = path.join(dir, "postgres");
  const studio = await spawnStudio({ dataDir, fake, log: options.log, onSpawn: (stop) => track(stop) });
  const running = await findRunningEmbeddedPostgres(dataDir);
  if (!running) throw new Error(`The studio's PostgreSQL is not running from ${dataDir}`);
  return { url: studio.url, fake, databaseUrl: withDatabaseName(running, STUDIO_DATABASE), pace };
}

export interface StudioProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Ctrl-C to the studio (the app stops its runs, then the database stops); SIGKILL if it hangs. */
  stop(): Promise<void>;
}

/**
 * `npm run studio -- --no-build` in a child process of its own group, on `dataDir`, every agent on
 * the fake server; resolves once it prints its URL. Also used by the drills, which restart it.
 */
export async function spawnStudio(options: {
  dataDir: string;
  fake: FakeOpenAIServer;
  log: (line: string) => void;
  env?: Record<string, string>;
  onSpawn?: (stop: () => Promise<void>) => void;
}): Promise<StudioProcess> {
  const root = process.cwd();
  const port = await findFreePort();
  options.log(`studio: starting the built app on 127.0.0.1:${port} (data in ${options.dataDir})…`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    STUDIO_DATA_DIR: options.dataDir,
    LLM_BASE_URL: options.fake.baseURL,
    LLM_API_KEY: "bench",
    DEFAULT_MODEL: "bench-model",
    // No experiment worker polling beside what is measured (the queue part runs its own workers).
    STUDIO_WORKER_CONCURRENCY: "0",
    ...options.env,
  };
  for (const name of ["DATABASE_URL", "OPENAI_API_KEY", "LLM_STRUCTURED_OUTPUT", "PORT", "HOST"])
    delete env[name];
  const child = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "lib/cli/studio.ts",
      "--no-build",
      "--port",
      String(port),
    ],
    // Its own process group: the fallback kill reaches the app and PostgreSQL too.
    { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  const stop = () => stopChild(child);
  options.onSpawn?.(stop);
  const output = collect(child);
  const url = await waitForUrl(child, output);
  await signInToStudio(options.dataDir);
  return { url, child, output, stop };
}

function collect(child: ChildProcess): () => string {
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => output;
}

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const match = output().match(/MAGneT Studio is running at (http:\/\/\S+)/);
      const failed =
        child.exitCode !== null || child.signalCode !== null
          ? `exited (${child.exitCode ?? child.signalCode})`
          : Date.now() - started > START_TIMEOUT_MS
            ? `did not start within ${START_TIMEOUT_MS / 1000} s`
            : null;
      if (!match && !failed) return;
      clearInterval(timer);
      if (match) resolve(match[1]);
      else reject(new Error(`The studio ${failed}. Its output:\n${output().slice(-3_000)}`));
    }, 100);
  });
}

/** Ctrl-C to the studio, which stops the app and then PostgreSQL; SIGKILL to its group when it hangs or is gone. */
function stopChild(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return Promise.resolve();
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(pid, "SIGKILL");
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      killGroup(pid, "SIGKILL");
      resolve();
    }, STOP_TIMEOUT_MS);
    child.once("exit", () => {
      clearTimeout(force);
      // Whatever the studio left behind, e.g. an initdb when it was stopped while starting.
      killGroup(pid, "SIGKILL");
      resolve();
    });
    child.kill("SIGINT");
  });
}

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
