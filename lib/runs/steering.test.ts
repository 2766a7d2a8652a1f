import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { BusMessage } from "@/lib/live/event-bus";
import { closeEventHub, getEventHub } from "@/lib/live/event-hub";
import { createSession } from "@/lib/sessions/create";
import { setSessionSteeringById } from "@/lib/sessions/steering";
import { sampleProfileId, simulateOffline } from "@/lib/testing/sessions";
import { closeEventPublisher, requestSessionSteering, startSessionRun } from "./live-run";
import { regenerateRoundOutput } from "./regenerate";
import { stopAllRuns } from "./run-registry";

let profileId = "";
beforeAll(async () => {
  profileId = await sampleProfileId();
});
beforeEach(() => simulateOffline());
afterAll(async () => {
  await stopAllRuns("the tests ended");
  await closeEventPublisher();
  await closeEventHub();
});

const ADA = { userId: null, name: "Ada" };
const BEN = { userId: null, name: "Ben" };

/** Resolves with the first message of `sessionId` on the bus that `match` accepts. */
async function nextMessage(sessionId: string, match: (message: BusMessage) => boolean): Promise<BusMessage> {
  const hub = await getEventHub();
  return new Promise((resolve) => {
    const { unwatch } = hub.watch(sessionId, (message) => {
      if (!match(message)) return;
      unwatch();
      resolve(message);
    });
  });
}

async function sessionWaitingAtSelection(): Promise<string> {
  const { id } = await createSession({ profileId, variant: "magnet", overrides: { maxRounds: 1 } });
  await setSessionSteeringById({ id, settings: { pausePoints: ["selection"], seat: "agents" } });
  const awaited = nextMessage(id, (m) => m.type === "steering-awaited");
  await startSessionRun(id, "next-round");
  await awaited;
  return id;
}

describe("steering over the bus", () => {
  it("two people steering the same pause: the first applies, the second gets 409 naming the first", async () => {
    const id = await sessionWaitingAtSelection();
    const ended = nextMessage(id, (m) => m.type === "session-ended");
    const results = await Promise.allSettled([
      requestSessionSteering(
        id,
        { type: "override-selection", roundIndex: 1, techniques: ["reflection"] },
        ADA,
      ),
      requestSessionSteering(
        id,
        { type: "override-selection", roundIndex: 1, techniques: ["normalization"] },
        BEN,
      ),
    ]);
    const applied = results.findIndex((r) => r.status === "fulfilled");
    const refused = results.find((r) => r.status === "rejected");
    expect(applied).toBeGreaterThanOrEqual(0);
    expect(refused?.status === "rejected" && refused.reason).toMatchObject({ code: "conflict", status: 409 });
    const winner = [ADA, BEN][applied].name;
    expect(String(refused?.status === "rejected" && refused.reason.message)).toContain(
      `${winner} already answered round 1's technique selection`,
    );
    await ended;
    const round = await getDb().round.findFirstOrThrow({ where: { sessionId: id } });
    expect(round.selectedTechniques).toEqual([applied === 0 ? "reflection" : "normalization"]);
    expect(round.selectionOverridden).toBe(true);
    const interventions = await getDb().intervention.findMany({ where: { sessionId: id } });
    expect(interventions.map((i) => [i.kind, i.userName])).toEqual([["selection_override", winner]]);
  });

  it("a command for a pause the round is not at is refused (409), and the round keeps waiting", async () => {
    const id = await sessionWaitingAtSelection();
    const early = requestSessionSteering(id, { type: "write-client", roundIndex: 1, text: "Hi." }, ADA);
    await expect(early).rejects.toMatchObject({
      status: 409,
      message: /not waiting at round 1's client's reply/,
    });
    const ended = nextMessage(id, (m) => m.type === "session-ended");
    await requestSessionSteering(id, { type: "run-to-end", roundIndex: 1 }, ADA);
    await ended;
    expect(await getDb().round.count({ where: { sessionId: id } })).toBe(1);
    expect(await getDb().intervention.count({ where: { sessionId: id } })).toBe(0);
  });

  it("Run to the end passes the current round's later pauses too, with nothing recorded as changed", async () => {
    const { id } = await createSession({ profileId, variant: "magnet", overrides: { maxRounds: 2 } });
    await setSessionSteeringById({
      id,
      settings: { pausePoints: ["selection", "counselor", "client"], seat: "agents" },
    });
    const awaited = nextMessage(id, (m) => m.type === "steering-awaited");
    await startSessionRun(id, "to-end");
    await awaited;
    const ended = nextMessage(id, (m) => m.type === "session-ended");
    await requestSessionSteering(id, { type: "run-to-end", roundIndex: 1 }, ADA);
    await ended;
    const rounds = await getDb().round.findMany({ where: { sessionId: id }, orderBy: { index: "asc" } });
    expect(rounds.map((r) => r.index)).toEqual([1, 2]);
    expect(await getDb().intervention.count({ where: { sessionId: id } })).toBe(0);
  });

  it("regenerating in the waiting round goes to the run: the pause waits until it is done, then goes on", async () => {
    const { id } = await createSession({ profileId, variant: "magnet", overrides: { maxRounds: 1 } });
    await setSessionSteeringById({ id, settings: { pausePoints: ["counselor"], seat: "agents" } });
    const awaited = nextMessage(id, (m) => m.type === "steering-awaited");
    await startSessionRun(id, "next-round");
    await awaited;

    const early = regenerateRoundOutput({ sessionId: id, roundIndex: 1, output: "client", by: ADA });
    await expect(early).rejects.toMatchObject({ status: 409, message: /client has not answered round 1/ });

    process.env.SIMULATOR_LATENCY_MS = "400"; // the regenerated call takes long enough to answer during it
    const remade = nextMessage(id, (m) => m.type === "output-regenerated");
    const result = await regenerateRoundOutput({
      sessionId: id,
      roundIndex: 1,
      output: "candidate:reflection",
      by: ADA,
    });
    expect(result).toEqual({ roundIndex: 1, output: "candidate:reflection", in: "run" });
    const during = requestSessionSteering(id, { type: "continue", roundIndex: 1, point: "counselor" }, BEN);
    await expect(during).rejects.toMatchObject({
      status: 409,
      message: /making its reflection candidate again \(asked by Ada\)/,
    });
    expect(await remade).toMatchObject({ output: "candidate:reflection", stale: ["counselor"], by: "Ada" });
    // A page opened now sees the round's change and its stale reply (the round is not stored yet).
    const partial = async () => {
      const { partial: events, unwatch } = (await getEventHub()).watch(id, () => {});
      unwatch();
      return events.map((event) => event.type);
    };
    expect(await partial()).toContain("output-regenerated");

    process.env.SIMULATOR_LATENCY_MS = "0";
    const ended = nextMessage(id, (m) => m.type === "session-ended");
    await requestSessionSteering(id, { type: "continue", roundIndex: 1, point: "counselor" }, BEN);
    await ended;
    expect(await partial()).not.toContain("output-regenerated");
    const round = await getDb().round.findFirstOrThrow({ where: { sessionId: id } });
    expect(round.staleOutputs).toEqual(["counselor"]);
    const reflections = await getDb().agentCall.findMany({
      where: { sessionId: id, role: "specialist:reflection" },
      orderBy: { attempt: "asc" },
    });
    expect(reflections.map((c) => c.attempt)).toEqual([1, 2]);
    const interventions = await getDb().intervention.findMany({ where: { sessionId: id } });
    expect(interventions.map((i) => [i.kind, i.userName, i.newValue])).toEqual([
      ["output_regenerated", "Ada", reflections[1].cleanedOutput],
    ]);
  });

  it("steering a session nothing runs is 409", async () => {
    const { id } = await createSession({ profileId, variant: "magnet" });
    await expect(
      requestSessionSteering(id, { type: "continue", roundIndex: 1, point: "selection" }, ADA),
    ).rejects.toMatchObject({ status: 409, message: /not running/ });
  });
});
