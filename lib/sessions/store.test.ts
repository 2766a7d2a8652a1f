import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AgentCallRecord, PlanRecord, RoundRecord } from "@/lib/pipeline";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { acquireSessionRunLock } from "@/lib/runs/run-lock";
import { createSession } from "./create";
import { PrismaSessionStore } from "./store";

let profileId = "";
beforeAll(async () => {
  await seedSampleProfiles();
  profileId = (await getDb().clientProfile.findFirstOrThrow({ orderBy: { name: "asc" } })).id;
});

async function newSession() {
  return createSession({ profileId, variant: "magnet", overrides: { maxRounds: 5 } });
}

function plan(sessionId: string): PlanRecord {
  return {
    sessionId,
    technique: "Decatastrophizing",
    techniqueRaw: "Decatastrophizing",
    plan: "1. Notice the worst-case thought.",
    tokensIn: 100,
    tokensOut: 20,
  };
}

function round(sessionId: string, index: number, tokens = 10): RoundRecord {
  return {
    sessionId,
    index,
    counselorReply: `Counselor ${index}`,
    clientReply: `Client ${index}`,
    endedByClient: false,
    selectedTechniques: ["reflection", "questioning"],
    selectionRationale: "fits",
    selectionFallback: false,
    tokensIn: tokens,
    tokensOut: tokens / 2,
  };
}

function call(sessionId: string, overrides: Partial<AgentCallRecord> = {}): AgentCallRecord {
  return {
    id: crypto.randomUUID(),
    sessionId,
    roundIndex: 1,
    role: "specialist:reflection",
    technique: "reflection",
    provider: "offline",
    modelId: "offline-simulator",
    settings: { temperature: 0.7, maxOutputTokens: 512, timeoutMs: 1000 },
    promptRole: "specialist:reflection",
    promptVersion: 1,
    promptMessages: [{ role: "system", content: "Role: specialist:reflection" }],
    rawOutput: "Counselor: You sound worried.",
    cleanedOutput: "You sound worried.",
    tokensIn: 7,
    tokensOut: 3,
    latencyMs: 12.6,
    attempt: 1,
    status: "succeeded",
    error: null,
    startedAt: new Date("2026-01-01T10:00:00Z"),
    finishedAt: new Date("2026-01-01T10:00:01Z"),
    ...overrides,
  };
}

describe("PrismaSessionStore", () => {
  it("round-trips the plan, the calls, the rounds and the session's counters", async () => {
    const { id } = await newSession();
    const store = new PrismaSessionStore();
    expect(await store.loadProgress(id)).toEqual({ plan: null, rounds: [] });

    await store.saveAgentCall(
      call(id, { roundIndex: null, role: "planner", technique: null, tokensIn: 100, tokensOut: 20 }),
    );
    await store.savePlan(plan(id));
    const failedCall = call(id, {
      attempt: 1,
      status: "failed",
      error: "429",
      cleanedOutput: null,
      tokensIn: null,
    });
    await store.saveAgentCall(failedCall);
    await store.saveAgentCall(call(id, { attempt: 2 }));
    await store.commitRound(round(id, 1, 10));
    await store.commitRound(round(id, 2, 30));

    const progress = await store.loadProgress(id);
    expect(progress.plan).toEqual(plan(id));
    expect(progress.rounds.map((r) => r.index)).toEqual([1, 2]);
    expect(progress.rounds[0]).toMatchObject({ ...round(id, 1), tokensIn: 7, tokensOut: 3 });

    const session = await getDb().session.findUniqueOrThrow({ where: { id } });
    expect(session).toMatchObject({
      technique: "Decatastrophizing",
      techniqueRaw: "Decatastrophizing",
      plan: "1. Notice the worst-case thought.",
      roundCount: 2,
      tokensIn: 100 + 10 + 30,
      tokensOut: 20 + 5 + 15,
    });
    const row = await getDb().agentCall.findUniqueOrThrow({ where: { id: failedCall.id } });
    expect(row).toMatchObject({
      sessionId: id,
      roundIndex: 1,
      role: "specialist:reflection",
      technique: "reflection",
      provider: "offline",
      modelId: "offline-simulator",
      settings: failedCall.settings,
      promptVersionId: null,
      promptMessages: failedCall.promptMessages,
      rawOutput: "Counselor: You sound worried.",
      cleanedOutput: null,
      tokensIn: null,
      tokensOut: 3,
      latencyMs: 13,
      attempt: 1,
      status: "failed",
      error: "429",
      startedAt: failedCall.startedAt,
      finishedAt: failedCall.finishedAt,
    });
  });

  it("refuses a round out of order and writes nothing", async () => {
    const { id } = await newSession();
    const store = new PrismaSessionStore();
    await store.commitRound(round(id, 1));
    for (const index of [3, 1]) {
      const error = await store.commitRound(round(id, index)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "conflict", status: 409, issues: [{ field: "index" }] });
      expect((error as AppError).message).toContain("expected round 2");
    }
    const session = await getDb().session.findUniqueOrThrow({ where: { id }, include: { rounds: true } });
    expect(session.roundCount).toBe(1);
    expect(session.tokensIn).toBe(10);
    expect(session.rounds.map((r) => r.index)).toEqual([1]);
  });

  it("keeps one round per index when two commits race", async () => {
    const { id } = await newSession();
    const store = new PrismaSessionStore();
    const results = await Promise.allSettled([
      store.commitRound(round(id, 1)),
      store.commitRound(round(id, 1)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await getDb().round.count({ where: { sessionId: id } })).toBe(1);
    expect((await getDb().session.findUniqueOrThrow({ where: { id } })).tokensIn).toBe(10);
  });

  it("saves the plan once", async () => {
    const { id } = await newSession();
    const store = new PrismaSessionStore();
    await store.savePlan(plan(id));
    await expect(store.savePlan(plan(id))).rejects.toMatchObject({ code: "conflict" });
    expect((await getDb().session.findUniqueOrThrow({ where: { id } })).tokensIn).toBe(100);
    await expect(store.savePlan(plan("missing"))).rejects.toMatchObject({ code: "not_found" });
  });

  it("stamps startedAt on the first running, finishedAt when a run ends, and keeps the error", async () => {
    const { id } = await newSession();
    const store = new PrismaSessionStore();
    const read = () => getDb().session.findUniqueOrThrow({ where: { id } });
    await store.setStatus(id, { status: "running" });
    const first = await read();
    expect(first).toMatchObject({ status: "running", finishedAt: null, error: null });
    expect(first.startedAt).toBeInstanceOf(Date);

    await store.setStatus(id, { status: "failed", reason: "Failed in round 1", error: "boom" });
    expect(await read()).toMatchObject({ status: "failed", error: "boom", startedAt: first.startedAt });
    expect((await read()).finishedAt).toBeInstanceOf(Date);

    await store.setStatus(id, { status: "running" });
    expect(await read()).toMatchObject({
      status: "running",
      error: null,
      finishedAt: null,
      startedAt: first.startedAt,
    });
    await store.setStatus(id, { status: "paused" });
    expect(await read()).toMatchObject({ status: "paused", finishedAt: null });
    await store.setStatus(id, { status: "completed" });
    expect((await read()).finishedAt).toBeInstanceOf(Date);
    await expect(store.setStatus("missing", { status: "running" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("records what a running session waits for until it is answered or its status changes", async () => {
    const { id } = await newSession();
    const store = new PrismaSessionStore();
    const awaiting = async () =>
      (await getDb().session.findUniqueOrThrow({ where: { id }, select: { awaiting: true } })).awaiting;

    await store.setAwaiting(id, "selection");
    expect(await awaiting()).toBeNull(); // a session that does not run waits for nobody

    await store.setStatus(id, { status: "running" });
    await store.setAwaiting(id, "counselor_turn");
    expect(await awaiting()).toBe("counselor_turn");
    await store.setAwaiting(id, null);
    expect(await awaiting()).toBeNull();

    await store.setAwaiting(id, "client");
    await store.setStatus(id, { status: "stopped", reason: "Stopped during round 1" });
    expect(await awaiting()).toBeNull();
  });

  it("a run that lost its run lock cannot mark the session waiting, nor clear the successor's wait", async () => {
    const { id } = await newSession();
    const awaiting = async () =>
      (await getDb().session.findUniqueOrThrow({ where: { id }, select: { awaiting: true } })).awaiting;
    const first = await acquireSessionRunLock(id);
    const stale = new PrismaSessionStore(undefined, first);
    await stale.setStatus(id, { status: "running" });
    await first.release();
    const second = await acquireSessionRunLock(id);
    try {
      await new PrismaSessionStore(undefined, second).setAwaiting(id, "client_turn");
      await expect(stale.setAwaiting(id, "selection")).rejects.toMatchObject({ code: "conflict" });
      await expect(stale.setAwaiting(id, null)).rejects.toMatchObject({ code: "conflict" });
      // A lock object that still says held, on a backend that no longer holds the lock.
      const unnoticed = new PrismaSessionStore(undefined, { sessionId: id, backendPid: 0, held: true });
      await expect(unnoticed.setAwaiting(id, "selection")).rejects.toMatchObject({ code: "conflict" });
      expect(await awaiting()).toBe("client_turn");
    } finally {
      await second.release();
    }
  });

  it("links a call to the PromptVersion row of its role and version, when there is one", async () => {
    const { id } = await newSession();
    const version = await getDb().promptVersion.create({
      data: { role: "specialist:reflection", version: 7, template: "t" },
    });
    const store = new PrismaSessionStore();
    const linked = call(id, { promptVersion: 7 });
    await store.saveAgentCall(linked);
    await store.saveAgentCall(call(id, { promptVersion: 8 }));
    const rows = await getDb().agentCall.findMany({ where: { sessionId: id }, orderBy: { attempt: "asc" } });
    expect(rows.map((r) => (r.id === linked.id ? r.promptVersionId : null))).toContain(version.id);
    expect(rows.filter((r) => r.promptVersionId === null)).toHaveLength(1);
    // The store links to rows; it creates none (creating a session adds the built-in ones, other roles).
    const reflectionRows = { role: "specialist:reflection", version: { in: [7, 8] } };
    expect(await getDb().promptVersion.count({ where: reflectionRows })).toBe(1);
  });

  it("links a call to a version created after the run saved its first call", async () => {
    const { id } = await newSession();
    const store = new PrismaSessionStore();
    await store.saveAgentCall(call(id));
    const later = await getDb().promptVersion.create({
      data: { role: "specialist:questioning", version: 9, template: "t" },
    });
    const linked = call(id, {
      role: "specialist:questioning",
      promptRole: "specialist:questioning",
      promptVersion: 9,
    });
    await store.saveAgentCall(linked);
    const row = await getDb().agentCall.findUniqueOrThrow({ where: { id: linked.id } });
    expect(row.promptVersionId).toBe(later.id);
  });

  it("refuses to continue a session whose rounds have a gap", async () => {
    const { id } = await newSession();
    await getDb().round.create({
      data: { sessionId: id, index: 2, counselorReply: "x", selectedTechniques: [] },
    });
    await expect(new PrismaSessionStore().loadProgress(id)).rejects.toMatchObject({ code: "conflict" });
  });
});
