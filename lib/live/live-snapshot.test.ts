import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createSession } from "@/lib/sessions/create";
import { getSessionDetailById, getSessionPageById } from "@/lib/sessions/queries";
import { sampleProfileId } from "@/lib/testing/sessions";
import { liveSessionFromDetail } from "./live-snapshot";
import { sessionAwaiting } from "./live-state";

let profileId = "";
beforeAll(async () => {
  profileId = await sampleProfileId();
});

describe("a stored session's first live state", () => {
  it("waits where the stored column says, in its round in progress, before any live event", async () => {
    const { id } = await createSession({ profileId, variant: "magnet", overrides: { maxRounds: 3 } });
    await getDb().session.update({
      where: { id },
      data: { status: "running", awaiting: "client_turn", steering: { pausePoints: [], seat: "client" } },
    });
    for (const stored of [await getSessionPageById({ id }), await getSessionDetailById({ id })]) {
      const state = liveSessionFromDetail(stored);
      expect(sessionAwaiting(state)).toBe("client_turn");
      expect(state.rounds.find((round) => round.index === 1)?.awaiting).toEqual({
        point: "client",
        seat: "client",
      });
    }
  });

  it("waits for nobody once the session no longer runs", async () => {
    const { id } = await createSession({ profileId, variant: "magnet", overrides: { maxRounds: 3 } });
    await getDb().session.update({ where: { id }, data: { status: "paused", awaiting: "selection" } });
    const state = liveSessionFromDetail(await getSessionPageById({ id }));
    expect(sessionAwaiting(state)).toBeNull();
    expect(state.rounds.every((round) => round.awaiting === null)).toBe(true);
  });
});
