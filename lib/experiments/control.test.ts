import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { closeEventPublisher } from "@/lib/runs/live-run";
import { simulateOffline } from "@/lib/testing/sessions";
import { controlExperiment } from "./control";
import { createExperiment } from "./create";
import { getExperimentById } from "./progress";
import { closeQueue, SESSION_QUEUE } from "./queue";
import { experimentDesignSchema } from "./schema";
import { type ExperimentWorker, startExperimentWorker } from "./worker";

// Pause, resume and cancel as a researcher uses them, with a worker in this process.

let worker: ExperimentWorker | undefined;

beforeAll(async () => {
  simulateOffline({ latencyMs: 5 });
  await seedSampleProfiles();
});

afterAll(async () => {
  await worker?.stop();
  await closeQueue({ graceful: false });
  await closeEventPublisher();
});

const design = (name: string) =>
  experimentDesignSchema.parse({
    name,
    variants: ["magnet"],
    attitudes: ["positive"],
    limit: 2,
    rounds: 1,
    evaluate: ["ctrs", "diversity"],
  });

/** The experiment's session jobs a worker may still take or is running. */
async function liveJobs(experimentId: string): Promise<number> {
  const rows = await getDb().$queryRaw<{ count: bigint }[]>`
    SELECT count(*) FROM pgboss.job
    WHERE name = ${SESSION_QUEUE} AND data->>'experimentId' = ${experimentId}
      AND state IN ('created', 'retry', 'active')`;
  return Number(rows[0]?.count ?? 0);
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("timed out");
}

describe("an experiment's controls", () => {
  it("pause keeps queued sessions from starting; resume runs them to done, then evaluates them and the set", async () => {
    const { id } = await createExperiment(design("paused"), null);
    expect(await controlExperiment(id, "pause")).toBe("paused");
    worker = await startExperimentWorker({ concurrency: 2 });
    // The worker takes the paused experiment's jobs and gives them back unrun.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const paused = await getExperimentById({ id });
    expect(paused.counts).toMatchObject({ total: 2, done: 0, running: 0, halted: 2 });
    expect(paused.sessions.every((s) => s.status === "draft")).toBe(true);

    expect(await controlExperiment(id, "resume")).toBe("running");
    await until(async () => (await getExperimentById({ id })).finished, 30_000);
    const done = await getExperimentById({ id });
    expect(done.counts).toMatchObject({ total: 2, done: 2, failed: 0, queued: 0 });
    expect(done.rounds).toEqual({ done: 2, planned: 2 });
    expect(done.tokens.input).toBeGreaterThan(0);
    expect(done.cost).toEqual({ spent: 0, estimatedTotal: 0, free: true });
    // The judged evaluation runs after each session.
    await until(
      async () => (await getDb().evaluationResult.count({ where: { session: { experimentId: id } } })) > 0,
      30_000,
    );
    // Diversity once for the whole set, when its last session is done.
    await until(
      async () => (await getDb().evaluationResult.count({ where: { metric: "diversity" } })) === 1,
      30_000,
    );
  }, 90_000);

  it("cancel is final: resume is a 409 naming the action", async () => {
    const { id } = await createExperiment(design("cancelled"), null);
    await controlExperiment(id, "pause");
    expect(await controlExperiment(id, "cancel")).toBe("cancelled");
    await expect(controlExperiment(id, "resume")).rejects.toMatchObject({
      code: "conflict",
      issues: [{ field: "action" }],
    });
    // Once the worker has dealt with every job of the experiment (skipped it, or started it and was
    // stopped, even one it took just before the cancel): nothing runs and nothing is queued.
    await until(async () => (await liveJobs(id)) === 0, 20_000);
    const { counts } = await getExperimentById({ id });
    expect(counts).toMatchObject({ total: 2, queued: 0, running: 0 });
    expect(counts.done + counts.failed + counts.halted).toBe(2);
  });
});

describe("the per-provider cap", () => {
  it("keeps the sessions of a provider running at once within it, whichever worker slot fetched them", async () => {
    const { id } = await createExperiment(
      experimentDesignSchema.parse({
        name: "capped",
        variants: ["magnet", "no_selector"],
        limit: 2,
        rounds: 2,
      }),
      null,
    );
    await worker?.stop();
    worker = undefined;
    const capped = await startExperimentWorker({ concurrency: 4, providerConcurrency: { offline: 1 } });
    let most = 0;
    try {
      for (let finished = false; !finished; ) {
        const progress = await getExperimentById({ id });
        most = Math.max(most, progress.counts.running);
        finished = progress.finished;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await capped.stop();
    }
    expect(most).toBe(1);
  }, 90_000);
});
