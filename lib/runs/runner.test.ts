import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { PipelineEvent } from "@/lib/pipeline";
import { createSession } from "@/lib/sessions/create";
import { sampleProfileId, simulateOffline } from "@/lib/testing/sessions";
import { isSessionRunLocked } from "./run-lock";
import { runStoredSession } from "./runner";

let profileId = "";
beforeAll(async () => {
  profileId = await sampleProfileId();
});

beforeEach(() => simulateOffline());

const sessionRows = (id: string) =>
  getDb().session.findUniqueOrThrow({
    where: { id },
    include: { rounds: { orderBy: { index: "asc" } }, agentCalls: true },
  });

describe("runStoredSession", () => {
  it("runs a full magnet session on the offline simulator and stores every round and call", async () => {
    const { id } = await createSession({ profileId, variant: "magnet" });
    const events: PipelineEvent[] = [];
    const outcome = await runStoredSession({ sessionId: id, mode: "to-end", onEvent: (e) => events.push(e) });
    expect(outcome).toMatchObject({ status: "completed", roundsCompleted: 20 });

    const session = await sessionRows(id);
    expect(session).toMatchObject({ status: "completed", roundCount: 20, maxRounds: 20, error: null });
    expect(session.startedAt).toBeInstanceOf(Date);
    expect(session.finishedAt).toBeInstanceOf(Date);
    expect(session.plan).toBeTruthy();
    expect(session.rounds.map((r) => r.index)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(session.rounds.every((r) => r.counselorReply && r.clientReply)).toBe(true);

    const calls = session.agentCalls;
    expect(calls.every((c) => c.status === "succeeded" && c.attempt === 1)).toBe(true);
    expect(calls.filter((c) => c.roundIndex === null).map((c) => c.role)).toEqual(["planner"]);
    const perRound = ["client", "fuser", "selector", ...SPECIALIST_TECHNIQUES.map((t) => `specialist:${t}`)];
    for (let index = 1; index <= 20; index++) {
      const roles = calls.filter((c) => c.roundIndex === index).map((c) => c.role);
      expect(roles.sort()).toEqual([...perRound].sort());
    }
    expect(calls).toHaveLength(1 + 20 * 8);
    expect(calls.every((c) => c.provider === "offline" && c.modelId === "offline-simulator")).toBe(true);
    // The session's counters are the sum over its successful calls.
    expect(session.tokensIn).toBe(calls.reduce((n, c) => n + (c.tokensIn ?? 0), 0));
    expect(session.tokensOut).toBe(calls.reduce((n, c) => n + (c.tokensOut ?? 0), 0));
    // Every event's call is a stored row.
    const callIds = new Set(calls.map((c) => c.id));
    const started = events.flatMap((e) => (e.type === "call-started" ? [e.callId] : []));
    expect(started.every((callId) => callIds.has(callId))).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: "session-ended", status: "completed" });
    expect(await isSessionRunLocked(id)).toBe(false);
  });

  it("refuses a second run of the same session while the first holds it (409)", async () => {
    process.env.SIMULATOR_LATENCY_MS = "40";
    const { id } = await createSession({ profileId, variant: "magnet", overrides: { maxRounds: 2 } });
    let startedRound: () => void = () => {};
    const inRound = new Promise<void>((resolve) => {
      startedRound = resolve;
    });
    const first = runStoredSession({
      sessionId: id,
      mode: "to-end",
      onEvent: (e) => e.type === "round-started" && startedRound(),
    });
    await inRound;
    expect(await isSessionRunLocked(id)).toBe(true);
    const second = await runStoredSession({ sessionId: id, mode: "to-end" }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(AppError);
    expect(second).toMatchObject({ code: "conflict", status: 409 });
    expect((second as AppError).message).toMatch(/already running/);
    expect(await first).toMatchObject({ status: "completed", roundsCompleted: 2 });
    expect(await isSessionRunLocked(id)).toBe(false);
    expect(await getDb().round.count({ where: { sessionId: id } })).toBe(2);
  });

  it("plays one round at a time, then resumes to the end", async () => {
    const { id } = await createSession({ profileId, variant: "no_planner", overrides: { maxRounds: 3 } });
    expect(await runStoredSession({ sessionId: id, mode: "next-round" })).toMatchObject({
      status: "paused",
      roundsCompleted: 1,
    });
    expect((await sessionRows(id)).finishedAt).toBeNull();
    expect(await runStoredSession({ sessionId: id, mode: "to-end" })).toMatchObject({
      status: "completed",
      roundsCompleted: 3,
    });
    expect((await sessionRows(id)).rounds.map((r) => r.index)).toEqual([1, 2, 3]);
    // A finished session is left as it is.
    expect(await runStoredSession({ sessionId: id, mode: "to-end" })).toMatchObject({ status: "completed" });
  });

  it("stops when aborted, and a stopped session resumes where it was", async () => {
    process.env.SIMULATOR_LATENCY_MS = "30";
    const { id } = await createSession({ profileId, variant: "magnet", overrides: { maxRounds: 4 } });
    const stop = new AbortController();
    const outcome = await runStoredSession({
      sessionId: id,
      mode: "to-end",
      signal: stop.signal,
      onEvent: (e) => e.type === "round-completed" && e.round.index === 2 && stop.abort(),
    });
    expect(outcome).toMatchObject({ status: "stopped", roundsCompleted: 2 });
    const stopped = await sessionRows(id);
    expect(stopped.status).toBe("stopped");
    expect(stopped.agentCalls.some((c) => c.status === "cancelled" && c.roundIndex === 3)).toBe(true);

    process.env.SIMULATOR_LATENCY_MS = "0";
    expect(await runStoredSession({ sessionId: id, mode: "to-end" })).toMatchObject({ status: "completed" });
    const done = await sessionRows(id);
    expect(done.rounds.map((r) => r.index)).toEqual([1, 2, 3, 4]);
    expect(done.agentCalls.filter((c) => c.role === "planner")).toHaveLength(1);
  });

  it("records the end of a session whose run died after its last round", async () => {
    const { id } = await createSession({
      profileId,
      variant: "psych8k_baseline",
      overrides: { maxRounds: 1 },
    });
    await runStoredSession({ sessionId: id, mode: "to-end" });
    await getDb().session.update({ where: { id }, data: { status: "running", finishedAt: null } });
    expect(await runStoredSession({ sessionId: id, mode: "to-end" })).toMatchObject({ status: "completed" });
    const session = await sessionRows(id);
    expect(session.status).toBe("completed");
    expect(session.finishedAt).toBeInstanceOf(Date);
    expect(session.rounds).toHaveLength(1);
  });

  it("names what cannot be run", async () => {
    await expect(runStoredSession({ sessionId: "missing", mode: "to-end" })).rejects.toMatchObject({
      code: "not_found",
    });
    const imported = await getDb().session.create({
      data: {
        profileId,
        variant: "magnet",
        source: "imported",
        config: { importedFrom: "session_1.json" },
        openingCounselor: "Hi",
        openingClient: "Hello",
      },
    });
    await expect(runStoredSession({ sessionId: imported.id, mode: "to-end" })).rejects.toMatchObject({
      code: "unprocessable",
    });
    const broken = await createSession({ profileId, variant: "magnet" });
    await getDb().session.update({ where: { id: broken.id }, data: { config: { maxRounds: 0 } } });
    const error = await runStoredSession({ sessionId: broken.id, mode: "to-end" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "unprocessable" });
    expect((error as AppError).issues.map((i) => i.field)).toContain("config.maxRounds");
  });
});
