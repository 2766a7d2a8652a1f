import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { createSession } from "@/lib/sessions/create";
import { PrismaSessionStore } from "@/lib/sessions/store";
import { settleDeadRun } from "./run-status";

let profileId = "";
beforeAll(async () => {
  await seedSampleProfiles();
  profileId = (await getDb().clientProfile.findFirstOrThrow({ orderBy: { name: "asc" } })).id;
});

describe("settling a dead run", () => {
  it("a run that died while it waited for a person leaves the session stopped, waiting for nobody", async () => {
    const { id } = await createSession({ profileId, variant: "magnet", overrides: { maxRounds: 2 } });
    const store = new PrismaSessionStore();
    await store.setStatus(id, { status: "running" });
    await store.setAwaiting(id, "selection");

    expect(await settleDeadRun(id)).toBe(true);
    const session = await getDb().session.findUniqueOrThrow({ where: { id } });
    expect(session).toMatchObject({ status: "stopped", awaiting: null });
  });
});
