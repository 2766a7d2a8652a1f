import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { createExperiment } from "./create";
import { closeQueue } from "./queue";
import { experimentDesignSchema } from "./schema";

// Two worker processes share a 12-session experiment; one is killed with SIGKILL in the middle of a
// session. The other picks that session up (its job's heartbeat stops) and resumes it after its last
// stored round: all 12 complete, each with rounds 1..N and none twice.

const ROOT = path.resolve(import.meta.dirname, "../..");
const ROUNDS = 3;
type Worker = ChildProcess & { output: () => string };
const workers: Worker[] = [];

beforeAll(async () => {
  for (const name of ["OPENAI_API_KEY", "LLM_BASE_URL", "SIMULATOR_END_ROUND"]) delete process.env[name];
  await seedSampleProfiles();
});

afterAll(async () => {
  for (const worker of workers)
    if (worker.exitCode === null && worker.signalCode === null) worker.kill("SIGKILL");
  await closeQueue({ graceful: false });
});

function startWorker(): Worker {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "lib/cli/worker.ts", "--concurrency", "3"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        SIMULATOR_LATENCY_MS: "40",
        SIMULATOR_TOKENS_PER_SECOND: "0",
        OPENAI_API_KEY: "",
        LLM_BASE_URL: "",
        EXPERIMENT_HEARTBEAT_SECONDS: "10",
        EXPERIMENT_SUPERVISE_SECONDS: "2",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const worker = Object.assign(child, { output: () => output });
  workers.push(worker);
  return worker;
}

async function until<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}:\n${workers.map((w) => w.output()).join("\n---\n")}`);
}

/** A session this worker started and has not finished, with a stored round and more to come. */
async function sessionMidRun(worker: Worker): Promise<string | undefined> {
  const started = [...worker.output().matchAll(/session (\S+): started/g)].map((m) => m[1]);
  const ended = new Set([...worker.output().matchAll(/session (\S+): (?!started)/g)].map((m) => m[1]));
  const open = started.filter((id) => !ended.has(id));
  const midRun = await getDb().session.findFirst({
    where: { id: { in: open }, status: "running", roundCount: { gte: 1, lt: ROUNDS } },
    select: { id: true },
  });
  return midRun?.id;
}

describe("two workers, one killed mid-run", () => {
  it("complete all 12 sessions with rounds 1..N each, none duplicated", async () => {
    const design = experimentDesignSchema.parse({
      name: "kill test",
      variants: ["magnet", "no_selector"],
      attitudes: ["positive", "neutral", "negative"],
      limit: 2,
      rounds: ROUNDS,
    });
    const { id, sessions } = await createExperiment(design, null);
    expect(sessions).toBe(12);

    const doomed = startWorker();
    const survivor = startWorker();
    const killed = await until(() => sessionMidRun(doomed), 60_000, "a session mid-run in the first worker");
    const exited = new Promise((resolve) => doomed.once("exit", (_code, signal) => resolve(signal)));
    doomed.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    const roundsAtKill = (await getDb().session.findUniqueOrThrow({ where: { id: killed } })).roundCount;

    await until(
      async () => {
        const left = await getDb().session.count({
          where: { experimentId: id, status: { notIn: ["completed", "ended_by_client", "failed"] } },
        });
        return left === 0 ? true : undefined;
      },
      90_000,
      "every session to finish",
    );

    const finished = await getDb().session.findMany({
      where: { experimentId: id },
      include: { rounds: { select: { index: true }, orderBy: { index: "asc" } } },
    });
    expect(finished).toHaveLength(12);
    for (const session of finished) {
      expect(session.status).toBe("completed");
      expect(session.rounds.map((r) => r.index)).toEqual([1, 2, 3]);
    }
    // The killed session was resumed by the other worker, after the rounds it had stored.
    expect(survivor.output()).toMatch(new RegExp(`session ${killed}: started \\(attempt [2-9]`));
    expect(roundsAtKill).toBeGreaterThanOrEqual(1);

    survivor.kill("SIGTERM");
    await new Promise((resolve) => survivor.once("exit", resolve));
  }, 180_000);
});
