import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrl } from "@/lib/db/client";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { simulateOffline } from "@/lib/testing/sessions";
import { controlExperiment } from "./control";
import { createExperiment } from "./create";
import {
  closeQueue,
  getQueue,
  QUEUE_SCHEMA,
  queueSessionRuns,
  SESSION_QUEUE,
  type SessionJob,
} from "./queue";
import { experimentDesignSchema } from "./schema";

// What waits in the session queue, with no worker taking it: one job per session, however often a
// session is queued, also in a database whose queue was made before that rule.

beforeAll(async () => {
  simulateOffline();
  await seedSampleProfiles();
});

afterAll(async () => {
  await closeQueue({ graceful: false });
});

async function waitingSessions(experimentId?: string): Promise<string[]> {
  const boss = await getQueue();
  const jobs = await boss.findJobs<SessionJob>(SESSION_QUEUE, {
    queued: true,
    ...(experimentId ? { data: { experimentId } } : {}),
  });
  return jobs.map((job) => job.data.sessionId).sort();
}

describe("the session queue", () => {
  it("made before one job per session was kept, is made again keeping one waiting job per session", async () => {
    const old = new PgBoss({
      connectionString: databaseUrl(),
      schema: QUEUE_SCHEMA,
      supervise: false,
      schedule: false,
    });
    await old.start();
    await old.createQueue(SESSION_QUEUE);
    const job = (sessionId: string) => ({
      data: { experimentId: "e-old", sessionId },
      group: { id: "offline", tier: "offline" },
    });
    await old.insert(SESSION_QUEUE, [job("s-1"), job("s-2"), job("s-1")]);
    await old.stop({ graceful: false });

    const boss = await getQueue();
    expect((await boss.getQueue(SESSION_QUEUE))?.policy).toBe("exclusive");
    expect(await waitingSessions("e-old")).toEqual(["s-1", "s-2"]);
    await queueSessionRuns([{ experimentId: "e-old", sessionId: "s-2", provider: "offline" }]);
    expect(await waitingSessions("e-old")).toEqual(["s-1", "s-2"]);
  });

  it("holds each session of an experiment paused and resumed at once only once", async () => {
    const design = experimentDesignSchema.parse({
      name: "quick resume",
      variants: ["magnet"],
      attitudes: ["positive"],
      limit: 2,
      rounds: 1,
    });
    const { id } = await createExperiment(design, null);
    const queued = await waitingSessions(id);
    expect(queued).toHaveLength(2);
    await controlExperiment(id, "pause");
    await controlExperiment(id, "resume");
    expect(await waitingSessions(id)).toEqual(queued);
  });
});
