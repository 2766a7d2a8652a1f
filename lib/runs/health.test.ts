import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, poolStats } from "@/lib/db/client";
import { closeEventHub } from "@/lib/live/event-hub";
import { openSessionStream } from "@/lib/live/live-stream";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { createSession } from "@/lib/sessions/create";
import { getStudioHealth } from "./health";

let sessionId = "";
beforeAll(async () => {
  await seedSampleProfiles();
  const profile = await getDb().clientProfile.findFirstOrThrow({ orderBy: { name: "asc" } });
  sessionId = (await createSession({ profileId: profile.id, variant: "magnet" })).id;
});
afterAll(() => closeEventHub());

describe("the studio's health", () => {
  it("reports live watchers, running sessions, the pool and the event listener", async () => {
    await getDb().session.update({ where: { id: sessionId }, data: { status: "running" } });
    const client = new AbortController();
    await openSessionStream(sessionId, client.signal).catch(() => {});
    // Opening the stream settled the dead run; mark another one running for the count.
    const other = await createSession({
      profileId: (await getDb().clientProfile.findFirstOrThrow()).id,
      variant: "magnet",
    });
    await getDb().session.update({ where: { id: other.id }, data: { status: "running" } });
    const health = await getStudioHealth();
    expect(health).toMatchObject({
      ok: true,
      watchers: 1,
      watchedSessions: 1,
      eventListener: "listening",
      runningSessions: 1,
      runs: { active: 0 },
      database: { ok: true, pool: { max: 10 } },
    });
    client.abort();
    expect((await getStudioHealth()).watchers).toBe(0);
  });

  it("answers quickly while every connection of the app's pool is taken", async () => {
    const max = poolStats()?.max ?? 10;
    const busy = Array.from({ length: max + 5 }, () =>
      getDb().$executeRaw`SELECT pg_sleep(1.5)`.then(() => {}),
    );
    await expect.poll(() => poolStats()?.waiting ?? 0).toBeGreaterThan(0);
    const started = performance.now();
    const health = await getStudioHealth();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(health.ok).toBe(true);
    expect(health.database.pool).toMatchObject({ total: max });
    await Promise.all(busy);
  });
});
