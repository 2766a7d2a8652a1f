import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { createSession } from "@/lib/sessions/create";
import { isSessionRunLocked } from "./run-lock";
import { runStoredSession } from "./runner";

// A run killed with SIGKILL in the middle of a round, then resumed in this process: the committed rounds
// stay exactly 1..N, and PostgreSQL released the dead run's lock.

const ROOT = path.resolve(import.meta.dirname, "../..");
const MAX_ROUNDS = 5;

let profileId = "";
beforeAll(async () => {
  for (const name of ["OPENAI_API_KEY", "LLM_BASE_URL", "SIMULATOR_END_ROUND"]) delete process.env[name];
  await seedSampleProfiles();
  profileId = (await getDb().clientProfile.findFirstOrThrow({ orderBy: { name: "asc" } })).id;
});

function startRun(sessionId: string): ChildProcess & { output: () => string } {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "lib/testing/run-session-child.ts", sessionId],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        SIMULATOR_LATENCY_MS: "150",
        SIMULATOR_TOKENS_PER_SECOND: "0",
        OPENAI_API_KEY: "",
        LLM_BASE_URL: "",
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
  return Object.assign(child, { output: () => output });
}

/** Resolves once at least two rounds are committed and a call of the next one is saved. */
async function midRound(sessionId: string, child: ChildProcess & { output: () => string }) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the run ended before it was killed:\n${child.output()}`);
    const { roundCount } = await getDb().session.findUniqueOrThrow({ where: { id: sessionId } });
    if (roundCount >= MAX_ROUNDS) throw new Error("the run finished before it was killed");
    const started = await getDb().agentCall.count({ where: { sessionId, roundIndex: roundCount + 1 } });
    if (roundCount >= 2 && started > 0) return roundCount;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no round 3 within 30 s:\n${child.output()}`);
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

describe("a run killed mid-round", () => {
  it("resumes after the last committed round, with no gaps or duplicates, and its lock is gone", async () => {
    const { id } = await createSession({
      profileId,
      variant: "magnet",
      overrides: { maxRounds: MAX_ROUNDS },
    });
    const child = startRun(id);
    const exited = new Promise((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    const committed = await midRound(id, child);
    expect(await isSessionRunLocked(id)).toBe(true);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    // PostgreSQL ends the dead backend and its session-level lock with it.
    expect(await until(async () => !(await isSessionRunLocked(id)), 10_000)).toBe(true);
    const dead = await getDb().session.findUniqueOrThrow({ where: { id } });
    expect(dead.status).toBe("running");
    expect(dead.roundCount).toBeGreaterThanOrEqual(committed);
    const killedRound = dead.roundCount + 1;

    process.env.SIMULATOR_LATENCY_MS = "0";
    process.env.SIMULATOR_TOKENS_PER_SECOND = "0";
    const outcome = await runStoredSession({ sessionId: id, mode: "to-end" });
    expect(outcome).toMatchObject({ status: "completed", roundsCompleted: MAX_ROUNDS });

    const session = await getDb().session.findUniqueOrThrow({
      where: { id },
      include: { rounds: { orderBy: { index: "asc" } }, agentCalls: true },
    });
    expect(session.rounds.map((r) => r.index)).toEqual([1, 2, 3, 4, 5]);
    expect(session).toMatchObject({ status: "completed", roundCount: MAX_ROUNDS });
    expect(session.agentCalls.filter((c) => c.role === "planner")).toHaveLength(1);
    // The killed round was played again: its calls from the dead run stay on record beside the new ones.
    const killedCalls = session.agentCalls.filter((c) => c.roundIndex === killedRound);
    expect(killedCalls.filter((c) => c.role === "client")).toHaveLength(1);
    expect(killedCalls.length).toBeGreaterThan(8);
    expect(await isSessionRunLocked(id)).toBe(false);
  }, 60_000);
});
