import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import type { ModelRef } from "@/lib/providers";
import { createSession } from "@/lib/sessions/create";
import {
  DEFAULT_FAKE_BEHAVIOUR,
  type FakeOpenAIServer,
  startFakeOpenAIServer,
} from "@/lib/testing/fake-openai-server";
import { runStoredSession } from "./runner";

// Stored sessions through the real @ai-sdk/openai provider against a fake chat-completions server that
// answers with 429s, 500s, dropped connections and empty answers: every attempt is an AgentCall row, and
// rounds are committed once each.

let server: FakeOpenAIServer;
let profileId = "";
const MODEL: ModelRef = { provider: "openai-compatible", modelId: "fake-model" };
const EVERY_AGENT = { planner: MODEL, specialist: MODEL, selector: MODEL, fuser: MODEL, client: MODEL };

beforeAll(async () => {
  server = await startFakeOpenAIServer();
  delete process.env.OPENAI_API_KEY;
  delete process.env.LLM_STRUCTURED_OUTPUT;
  process.env.LLM_BASE_URL = server.baseURL;
  await seedSampleProfiles();
  profileId = (await getDb().clientProfile.findFirstOrThrow({ orderBy: { name: "asc" } })).id;
});

afterAll(() => server.close());

beforeEach(() => {
  server.setBehaviour({ ...DEFAULT_FAKE_BEHAVIOUR, latencyMs: 5, tokensPerSecond: 2_000 });
  server.requests.length = 0;
});

function newSession(maxRounds: number) {
  return createSession({
    profileId,
    variant: "magnet",
    overrides: { maxRounds, models: EVERY_AGENT, retry: { baseDelayMs: 5, maxDelayMs: 20 } },
  });
}

function storedSession(id: string) {
  return getDb().session.findUniqueOrThrow({
    where: { id },
    include: {
      rounds: { orderBy: { index: "asc" } },
      agentCalls: { orderBy: [{ startedAt: "asc" }, { attempt: "asc" }] },
    },
  });
}

describe("provider faults over HTTP", () => {
  it("retries every kind of fault, records each failed attempt and commits each round once", async () => {
    server.setBehaviour({
      faults: [
        { fault: "rate-limit", role: "planner", requests: [1], retryAfterSeconds: 0 },
        { fault: "server-error", role: "specialist:questioning", requests: [2] },
        { fault: "drop", role: "client", requests: [1], dropAfterTokens: 2 },
        { fault: "empty", role: "selector", requests: [3] },
        { fault: "server-error", role: "fuser", requests: [2, 3] },
      ],
    });
    const { id } = await newSession(3);
    expect(await runStoredSession({ sessionId: id, mode: "to-end" })).toMatchObject({ status: "completed" });

    const session = await storedSession(id);
    expect(session.rounds.map((r) => r.index)).toEqual([1, 2, 3]);
    // Every request that reached the server is one stored attempt, and each fault one failed attempt.
    expect(session.agentCalls).toHaveLength(server.requests.length);
    const failed = session.agentCalls.filter((c) => c.status === "failed");
    expect(failed).toHaveLength(server.requests.filter((r) => r.fault).length);
    expect(failed.map((c) => [c.role, c.roundIndex, c.attempt]).sort()).toEqual(
      [
        ["planner", null, 1],
        ["specialist:questioning", 2, 1],
        ["client", 1, 1],
        ["selector", 3, 1],
        ["fuser", 2, 1],
        ["fuser", 2, 2],
      ].sort(),
    );
    expect(
      failed.every((c) => c.error && c.cleanedOutput === null && c.provider === "openai-compatible"),
    ).toBe(true);
    const retriedFuser = session.agentCalls.filter((c) => c.role === "fuser" && c.roundIndex === 2);
    expect(retriedFuser.map((c) => [c.attempt, c.status])).toEqual([
      [1, "failed"],
      [2, "failed"],
      [3, "succeeded"],
    ]);
    const planner = session.agentCalls.filter((c) => c.role === "planner");
    expect(planner.map((c) => [c.attempt, c.status])).toEqual([
      [1, "failed"],
      [2, "succeeded"],
    ]);
    expect(planner[0].error).toMatch(/rate limit/i);
    expect(session.agentCalls.find((c) => c.role === "selector" && c.status === "failed")?.error).toMatch(
      /empty/i,
    );
    expect(session.tokensIn).toBe(
      session.agentCalls.filter((c) => c.status === "succeeded").reduce((n, c) => n + (c.tokensIn ?? 0), 0),
    );
  });

  it("fails a session whose call runs out of attempts, then resumes it without duplicating rounds", async () => {
    server.setBehaviour({ faults: [{ fault: "server-error", role: "fuser", requests: [2, 3, 4, 5] }] });
    const { id } = await newSession(3);
    const outcome = await runStoredSession({ sessionId: id, mode: "to-end" });
    expect(outcome).toMatchObject({ status: "failed", roundsCompleted: 1 });
    const failedRun = await storedSession(id);
    expect(failedRun).toMatchObject({ status: "failed", roundCount: 1 });
    expect(failedRun.error).toMatch(/fuser failed after 4 attempt/);
    expect(
      failedRun.agentCalls.filter((c) => c.role === "fuser" && c.roundIndex === 2).map((c) => c.attempt),
    ).toEqual([1, 2, 3, 4]);

    server.setBehaviour({ faults: [] });
    expect(await runStoredSession({ sessionId: id, mode: "to-end" })).toMatchObject({ status: "completed" });
    const resumed = await storedSession(id);
    expect(resumed.rounds.map((r) => r.index)).toEqual([1, 2, 3]);
    expect(resumed).toMatchObject({ status: "completed", roundCount: 3, error: null });
    expect(resumed.agentCalls.filter((c) => c.role === "planner")).toHaveLength(1);
    expect(resumed.agentCalls.filter((c) => c.role === "client" && c.status === "succeeded")).toHaveLength(3);
  });
});
