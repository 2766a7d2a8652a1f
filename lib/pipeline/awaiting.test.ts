import { describe, expect, it } from "vitest";
import { runSession } from "./engine";
import { MemorySessionStore } from "./memory-store";
import {
  awaitingOf,
  PAUSE_POINTS,
  type Pause,
  pauseOf,
  SEATS,
  type SessionAwaiting,
  type Steering,
  type SteeringAnswer,
  type SteeringSettings,
} from "./steering";
import { fakeModel, testConfig, testProfile } from "./testing";

const CLINICIAN = { userId: "u1", name: "Dr. Ada" };

/** A run of one round steered by `answer`, which sees the store while the round waits. */
function steeredRun(settings: SteeringSettings, answer: Steering["answer"], signal?: AbortSignal) {
  const store = new MemorySessionStore();
  const steering: Steering = { settingsFor: async () => settings, answer };
  const run = runSession({
    sessionId: "s1",
    profile: testProfile,
    variant: "magnet",
    config: testConfig({ maxRounds: 1 }),
    store,
    models: () => fakeModel(),
    steering,
    ...(signal ? { signal } : {}),
  });
  return { store, run };
}

function answerOf(pause: Pause): SteeringAnswer {
  const { roundIndex, point, seat } = pause;
  if (seat === "counselor" && point === "counselor") {
    return {
      command: { type: "write-counselor", roundIndex, text: "How was your week?", inserted: [] },
      by: CLINICIAN,
    };
  }
  return { command: { type: "continue", roundIndex, point }, by: CLINICIAN };
}

describe("what a session waits for", () => {
  it("in step mode it waits at each pause point in turn, and waits for nothing once answered and ended", async () => {
    const seen: (SessionAwaiting | null)[] = [];
    const { store, run } = steeredRun(
      { pausePoints: ["selection", "counselor", "client"], seat: "agents" },
      async (pause) => {
        seen.push(store.session("s1").awaiting);
        return answerOf(pause);
      },
    );
    await run;
    expect(seen).toEqual(["selection", "counselor", "client"]);
    expect(store.status("s1")?.status).toBe("completed");
    expect(store.session("s1").awaiting).toBeNull();
  });

  it("a person in the counselor's seat is awaited for their turn, not for a review", async () => {
    const seen: (SessionAwaiting | null)[] = [];
    const { store, run } = steeredRun({ pausePoints: [], seat: "counselor" }, async (pause) => {
      seen.push(store.session("s1").awaiting);
      return answerOf(pause);
    });
    await run;
    expect(seen).toEqual(["counselor_turn"]);
  });

  it("the answer clears it before the round goes on", async () => {
    const { store, run } = steeredRun({ pausePoints: ["selection"], seat: "agents" }, async (pause) =>
      answerOf(pause),
    );
    const whileFusing: (SessionAwaiting | null)[] = [];
    const save = store.saveAgentCall.bind(store);
    store.saveAgentCall = async (record) => {
      if (record.role === "fuser") whileFusing.push(store.session("s1").awaiting);
      await save(record);
    };
    await run;
    expect(whileFusing).toEqual([null]);
  });

  it("a stop while it waits leaves the session stopped and waiting for nothing", async () => {
    const controller = new AbortController();
    let waited: SessionAwaiting | null = null;
    const { store, run } = steeredRun(
      { pausePoints: ["counselor"], seat: "agents" },
      (_pause, signal) =>
        new Promise((_resolve, reject) => {
          waited = store.session("s1").awaiting;
          signal.addEventListener("abort", () => reject(signal.reason), { once: true });
          controller.abort();
        }),
      controller.signal,
    );
    await run;
    expect(waited).toBe("counselor");
    expect(store.status("s1")?.status).toBe("stopped");
    expect(store.session("s1").awaiting).toBeNull();
  });

  it("the stored value gives back the pause it was written for, knowing the session's seat", () => {
    for (const point of PAUSE_POINTS) {
      for (const seat of SEATS) expect(pauseOf(awaitingOf({ point, seat }), seat)).toEqual({ point, seat });
    }
  });
});
