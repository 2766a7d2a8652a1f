import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { runStoredSession } from "@/lib/runs/runner";
import { finishedSession, sampleProfileId, simulateOffline, storedText } from "@/lib/testing/sessions";
import { forkSessionById } from "./fork";

let profileId = "";
beforeAll(async () => {
  simulateOffline();
  profileId = await sampleProfileId();
});

const dialogue = (rounds: { index: number; counselorReply: string; clientReply: string | null }[]) =>
  rounds.map(({ index, counselorReply, clientReply }) => ({ index, counselorReply, clientReply }));

const completedSession = (maxRounds: number) => finishedSession(profileId, maxRounds);

describe("forkSessionById", () => {
  it("forks after round 2 of 3: shares rounds 1–2, runs round 3 on its own, leaves the parent as it was", async () => {
    const parentId = await completedSession(3);
    const before = await storedText(parentId);

    const { id } = await forkSessionById({ id: parentId, fork: { round: 2 } });
    const parent = await getDb().session.findUniqueOrThrow({
      where: { id: parentId },
      include: { rounds: { orderBy: { index: "asc" } }, agentCalls: true },
    });
    const forked = await getDb().session.findUniqueOrThrow({
      where: { id },
      include: { rounds: { orderBy: { index: "asc" } }, agentCalls: true },
    });
    expect(forked).toMatchObject({
      parentId,
      forkRound: 2,
      status: "paused",
      roundCount: 2,
      plan: parent.plan,
    });
    expect(dialogue(forked.rounds)).toEqual(dialogue(parent.rounds.slice(0, 2)));
    expect(forked.agentCalls.filter((c) => c.roundIndex === 3)).toEqual([]);
    expect(forked.agentCalls).toHaveLength(parent.agentCalls.filter((c) => (c.roundIndex ?? 0) <= 2).length);

    const forkedAt = new Date();
    const outcome = await runStoredSession({ sessionId: id, mode: "to-end" });
    expect(outcome).toMatchObject({ status: "completed", roundsCompleted: 3 });

    const after = await getDb().session.findUniqueOrThrow({
      where: { id },
      include: { rounds: { orderBy: { index: "asc" } }, agentCalls: true },
    });
    expect(after.rounds.map((r) => r.index)).toEqual([1, 2, 3]);
    expect(dialogue(after.rounds.slice(0, 2))).toEqual(dialogue(parent.rounds.slice(0, 2)));
    const round3 = after.agentCalls.filter((c) => c.roundIndex === 3);
    expect(round3.length).toBeGreaterThanOrEqual(8);
    expect(round3.every((c) => c.startedAt >= forkedAt)).toBe(true);
    expect(await storedText(parentId)).toBe(before);
  });

  it("takes other models and more rounds for the fork only", async () => {
    const parentId = await completedSession(2);
    const { id } = await forkSessionById({
      id: parentId,
      fork: { round: 2, maxRounds: 3, models: { client: { provider: "offline", modelId: "other-client" } } },
    });
    const { config, maxRounds } = await getDb().session.findUniqueOrThrow({ where: { id } });
    expect(maxRounds).toBe(3);
    expect(JSON.stringify(config)).toContain("other-client");
    await runStoredSession({ sessionId: id, mode: "to-end" });
    const client3 = await getDb().agentCall.findFirstOrThrow({
      where: { sessionId: id, roundIndex: 3, role: "client" },
    });
    expect(client3.modelId).toBe("other-client");
  });

  it("refuses a round that was not committed, and the last round without more rounds, naming the field", async () => {
    const parentId = await completedSession(2);
    const count = await getDb().session.count();
    await expect(forkSessionById({ id: parentId, fork: { round: 3 } })).rejects.toMatchObject({
      code: "validation",
      issues: [{ field: "round" }],
    });
    await expect(forkSessionById({ id: parentId, fork: { round: 2 } })).rejects.toMatchObject({
      code: "validation",
      issues: [{ field: "maxRounds" }],
    });
    await expect(
      forkSessionById({ id: "cnosuchsession000000000000", fork: { round: 1 } }),
    ).rejects.toBeInstanceOf(AppError);
    expect(await getDb().session.count()).toBe(count);
  });
});
