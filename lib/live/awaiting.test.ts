import { describe, expect, it } from "vitest";
import { runSession } from "@/lib/pipeline/engine";
import type { SessionAwaiting, Steering } from "@/lib/pipeline/steering";
import { fakeModel, testRun } from "@/lib/pipeline/testing";
import { applyEvent, emptyLiveSession, sessionAwaiting } from "./live-state";

describe("what the live view says a session waits for", () => {
  it("follows the run's pauses as they happen, and says nothing once the session has ended", async () => {
    let state = emptyLiveSession("s1", "magnet", 1);
    const seen: (SessionAwaiting | null)[] = [];
    const steering: Steering = {
      settingsFor: async () => ({ pausePoints: ["selection"], seat: "client" }),
      answer: async ({ roundIndex, point }) => {
        seen.push(sessionAwaiting(state));
        const by = { userId: "u1", name: "Dr. Ada" };
        if (point === "client") return { command: { type: "write-client", roundIndex, text: "Fine." }, by };
        return { command: { type: "continue", roundIndex, point }, by };
      },
    };
    const { run } = testRun("s1", fakeModel(), {
      steering,
      onEvent: (event) => {
        state = applyEvent(state, event);
      },
    });
    await runSession(run);
    expect(seen).toEqual(["selection", "client_turn"]);
    expect(state.status).toBe("completed");
    expect(sessionAwaiting(state)).toBeNull();
  });
});
