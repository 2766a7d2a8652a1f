import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { closeEventHub } from "@/lib/live/event-hub";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { createSession } from "@/lib/sessions/create";
import { closeEventPublisher } from "./live-run";
import { regenerateRoundOutput } from "./regenerate";
import { acquireSessionRunLock } from "./run-lock";
import { runStoredSession } from "./runner";

const ADA = { userId: null, name: "Ada" };
let sessionId = "";

beforeAll(async () => {
  for (const name of ["OPENAI_API_KEY", "LLM_BASE_URL", "SIMULATOR_END_ROUND"]) delete process.env[name];
  process.env.SIMULATOR_LATENCY_MS = "0";
  process.env.SIMULATOR_TOKENS_PER_SECOND = "0";
  await seedSampleProfiles();
  const profileId = (await getDb().clientProfile.findFirstOrThrow({ orderBy: { name: "asc" } })).id;
  sessionId = (await createSession({ profileId, variant: "magnet", overrides: { maxRounds: 3 } })).id;
  await runStoredSession({ sessionId, mode: "next-round" });
});
afterAll(async () => {
  await closeEventPublisher();
  await closeEventHub();
});

const round1 = () => getDb().round.findFirstOrThrow({ where: { sessionId, index: 1 } });
const calls = (role: string) =>
  getDb().agentCall.findMany({ where: { sessionId, roundIndex: 1, role }, orderBy: { attempt: "asc" } });

describe("regenerating one output of the last round", () => {
  it("reruns only that call and marks what was made from it stale, then the one-by-one reruns clear it", async () => {
    const before = await round1();
    const regenerate = (output: Parameters<typeof regenerateRoundOutput>[0]["output"]) =>
      regenerateRoundOutput({ sessionId, roundIndex: 1, output, by: ADA });

    expect(await regenerate("candidate:reflection")).toMatchObject({ stale: ["counselor", "client"] });
    expect((await calls("specialist:reflection")).map((c) => c.attempt)).toEqual([1, 2]);
    expect(await calls("fuser")).toHaveLength(1);
    expect(await round1()).toMatchObject({
      counselorReply: before.counselorReply,
      staleOutputs: ["counselor", "client"],
    });

    expect(await regenerate("counselor")).toMatchObject({ stale: ["client"] });
    const fusers = await calls("fuser");
    expect(fusers.map((c) => c.attempt)).toEqual([1, 2]);
    const candidate = (await calls("specialist:reflection"))[1].cleanedOutput ?? "";
    expect(JSON.stringify(fusers[1].promptMessages)).toContain(JSON.stringify(candidate).slice(1, 40));
    expect((await round1()).counselorReply).toBe(fusers[1].cleanedOutput);

    expect(await regenerate("client")).toMatchObject({ stale: [] });
    expect(await calls("client")).toHaveLength(2);
    expect((await round1()).staleOutputs).toEqual([]);
    expect(await calls("selector")).toHaveLength(1);

    const interventions = await getDb().intervention.findMany({
      where: { sessionId },
      orderBy: { createdAt: "asc" },
    });
    expect(interventions.map((i) => [i.kind, (i.detail as { output: string }).output, i.userName])).toEqual([
      ["output_regenerated", "candidate:reflection", "Ada"],
      ["output_regenerated", "counselor", "Ada"],
      ["output_regenerated", "client", "Ada"],
    ]);
  });

  it("refuses while a run holds the session (409) and for a round that is not the last (422)", async () => {
    const lock = await acquireSessionRunLock(sessionId);
    try {
      await expect(
        regenerateRoundOutput({ sessionId, roundIndex: 1, output: "client", by: ADA }),
      ).rejects.toMatchObject({ status: 409 });
    } finally {
      await lock.release();
    }
    await expect(
      regenerateRoundOutput({ sessionId, roundIndex: 2, output: "client", by: ADA }),
    ).rejects.toMatchObject({ status: 422, issues: [{ field: "round" }] });
  });
});
