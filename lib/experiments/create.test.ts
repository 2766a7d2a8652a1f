import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { simulateOffline } from "@/lib/testing/sessions";
import { createExperiment } from "./create";
import { getExperimentById, listExperiments } from "./progress";
import { closeQueue, getQueue, SESSION_QUEUE } from "./queue";
import { experimentDesignSchema } from "./schema";

beforeAll(async () => {
  simulateOffline();
  await seedSampleProfiles();
});

afterAll(async () => {
  await closeQueue({ graceful: false });
});

const design = (name: string, repeats = 1) =>
  experimentDesignSchema.parse({
    name,
    variants: ["magnet", "no_planner"],
    attitudes: ["positive"],
    limit: 2,
    repeats,
    rounds: 2,
  });

describe("creating an experiment", () => {
  it("creates nothing and queues nothing when one of its sessions cannot be written", async () => {
    const db = getDb();
    // The database refuses the second repeat's sessions, after the first repeat's were written.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_second_repeat() RETURNS trigger AS $$
      BEGIN
        IF NEW."experimentRepeat" = 2 THEN RAISE EXCEPTION 'refused for the test'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_second_repeat BEFORE INSERT ON "Session" FOR EACH ROW EXECUTE FUNCTION refuse_second_repeat()`,
    );
    try {
      await expect(createExperiment(design("half made", 2), null)).rejects.toThrow(/refused for the test/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_second_repeat ON "Session"`);
    }
    expect(await db.experiment.count({ where: { name: "half made" } })).toBe(0);
    expect(await db.session.count({ where: { experimentRepeat: { not: null } } })).toBe(0);
    expect(await (await getQueue()).findJobs(SESSION_QUEUE, { queued: true })).toEqual([]);
  });

  it("lists it with its sessions counted by state, as its own page counts them", async () => {
    const { id, sessions } = await createExperiment(design("counted"), null);
    expect(sessions).toBe(4);
    const first = await getDb().session.findFirstOrThrow({ where: { experimentId: id } });
    await getDb().session.update({
      where: { id: first.id },
      data: { status: "ended_by_client", roundCount: 1 },
    });
    const { items } = await listExperiments({ page: 1, pageSize: 10 });
    const listed = items.find((item) => item.id === id);
    expect(listed?.counts).toEqual({ total: 4, done: 1, failed: 0, running: 0, queued: 3, halted: 0 });
    expect(listed?.rounds).toEqual({ done: 1, planned: 7 });
    const { sessions: _sessions, ...detail } = await getExperimentById({ id });
    expect(listed).toEqual(detail);
  });
});
