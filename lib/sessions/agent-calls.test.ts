import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getAgentCallById } from "./agent-calls";

const messages = [
  { role: "system", content: "Role: specialist:reflection\n\n  Keep it short." },
  { role: "user", content: [{ type: "text", text: "Client: I keep worrying about work." }] },
];

let sessionId = "";
beforeAll(async () => {
  const db = getDb();
  const profile = await db.clientProfile.create({
    data: {
      source: "sample",
      name: "Test Client",
      presentingProblem: "Worry about work",
      reasonForCounseling: "Cannot sleep",
      intakeText: "Name: Test Client",
      clientInformation: "Name: Test Client",
      attitude: "neutral",
      attitudeInstruction: "Be neutral.",
      openingCounselor: "Hello.",
      openingClient: "Hi.",
    },
  });
  const session = await db.session.create({
    data: {
      profileId: profile.id,
      variant: "magnet",
      config: {},
      openingCounselor: "Hello.",
      openingClient: "Hi.",
    },
  });
  sessionId = session.id;
  const common = {
    sessionId,
    roundIndex: 2,
    role: "specialist:reflection",
    technique: "reflection",
    provider: "offline",
    modelId: "offline-simulator",
    settings: { temperature: 0.7, maxOutputTokens: 512, timeoutMs: 1000 },
    promptMessages: messages,
  };
  await db.agentCall.createMany({
    data: [
      {
        ...common,
        id: "call-attempt-2",
        attempt: 2,
        status: "succeeded",
        rawOutput: "Counselor: You sound worried.",
        cleanedOutput: "You sound worried.",
        tokensIn: 40,
        tokensOut: 5,
        latencyMs: 820,
        startedAt: new Date("2026-01-01T10:00:03Z"),
        finishedAt: new Date("2026-01-01T10:00:04Z"),
      },
      {
        ...common,
        id: "call-attempt-1",
        attempt: 1,
        status: "failed",
        error: "Timed out after 1000 ms",
        latencyMs: 1000,
        startedAt: new Date("2026-01-01T10:00:00Z"),
        finishedAt: new Date("2026-01-01T10:00:01Z"),
      },
      // Not siblings: another round, and another role in the same round.
      { ...common, id: "call-other-round", roundIndex: 3, status: "succeeded" },
      { ...common, id: "call-other-role", role: "selector", technique: null, status: "succeeded" },
    ],
  });
});

describe("getAgentCallById", () => {
  it("returns the call with its prompt, outputs, settings, usage and ISO dates", async () => {
    const call = await getAgentCallById({ id: "call-attempt-2" });
    expect(call).toMatchObject({
      id: "call-attempt-2",
      sessionId,
      roundIndex: 2,
      role: "specialist:reflection",
      technique: "reflection",
      provider: "offline",
      modelId: "offline-simulator",
      settings: { temperature: 0.7, maxOutputTokens: 512 },
      promptVersion: null,
      rawOutput: "Counselor: You sound worried.",
      cleanedOutput: "You sound worried.",
      tokensIn: 40,
      tokensOut: 5,
      latencyMs: 820,
      attempt: 2,
      status: "succeeded",
      error: null,
      startedAt: "2026-01-01T10:00:03.000Z",
      finishedAt: "2026-01-01T10:00:04.000Z",
    });
    expect(call.promptMessages).toEqual([
      { role: "system", content: "Role: specialist:reflection\n\n  Keep it short." },
      { role: "user", content: "Client: I keep worrying about work." },
    ]);
  });

  it("lists the sibling attempts of the same session, role and round, ordered by attempt", async () => {
    for (const id of ["call-attempt-1", "call-attempt-2"]) {
      const call = await getAgentCallById({ id });
      expect(call.attempts).toEqual([
        {
          id: "call-attempt-1",
          attempt: 1,
          status: "failed",
          error: "Timed out after 1000 ms",
          latencyMs: 1000,
          startedAt: "2026-01-01T10:00:00.000Z",
          finishedAt: "2026-01-01T10:00:01.000Z",
        },
        {
          id: "call-attempt-2",
          attempt: 2,
          status: "succeeded",
          error: null,
          latencyMs: 820,
          startedAt: "2026-01-01T10:00:03.000Z",
          finishedAt: "2026-01-01T10:00:04.000Z",
        },
      ]);
    }
    const lone = await getAgentCallById({ id: "call-other-round" });
    expect(lone.attempts.map((a) => a.id)).toEqual(["call-other-round"]);
  });

  it("matches the planner's calls, which have no round, by a null round", async () => {
    await getDb().agentCall.createMany({
      data: [1, 2].map((attempt) => ({
        id: `planner-${attempt}`,
        sessionId,
        roundIndex: null,
        role: "planner",
        provider: "offline",
        modelId: "offline-simulator",
        settings: {},
        promptMessages: [],
        attempt,
        status: attempt === 1 ? ("failed" as const) : ("succeeded" as const),
      })),
    });
    const planner = await getAgentCallById({ id: "planner-1" });
    expect(planner.attempts.map((a) => [a.id, a.status])).toEqual([
      ["planner-1", "failed"],
      ["planner-2", "succeeded"],
    ]);
    expect(planner).toMatchObject({ roundIndex: null, promptMessages: [], finishedAt: null });
  });

  it("throws not_found for an unknown id", async () => {
    const error = await getAgentCallById({ id: "no-such-call" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "not_found", status: 404 });
    expect((error as AppError).message).toContain("no-such-call");
  });
});
