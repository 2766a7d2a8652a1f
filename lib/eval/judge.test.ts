import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { importPaths } from "@/lib/import-export/magnet";
import { readPublishedSession, SESSIONS_DIR } from "@/lib/import-export/testing";
import { applyEvent, emptyLiveSession, isJudgeCall } from "@/lib/live/live-state";
import type { PipelineEvent } from "@/lib/pipeline/events";
import { resolveModel } from "@/lib/providers";
import { getSessionDetailById } from "@/lib/sessions/queries";
import {
  type FakeChatRequest,
  type FakeOpenAIServer,
  startFakeOpenAIServer,
} from "@/lib/testing/fake-openai-server";
import { type EvaluateOptions, evaluateSet } from "./evaluate";
import { parseJudgement } from "./parse";
import { CTRS, PANAS, WAI } from "./scales";

// Judge calls over real HTTP to a fake chat-completions server: good answers, an answer malformed once
// (retried, then scored) and one malformed every time (recorded failed, no score).

let server: FakeOpenAIServer;
const seen = new Map<string, number>();
const judge = { provider: "openai-compatible" as const, modelId: "judge-model" };

function itemOf(request: FakeChatRequest): string {
  return (
    request.messages
      .map((m) => m.content)
      .join("\n")
      .match(/<item key="([^"]+)">/)?.[1] ?? ""
  );
}

function answer(request: FakeChatRequest): string {
  const item = itemOf(request);
  const key = `${request.role}:${item}`;
  const count = (seen.get(key) ?? 0) + 1;
  seen.set(key, count);
  if (item === "guided_discovery") return "I would give this session a 4 out of 6.";
  if (item === "collaboration" && count === 1) return '{"reason": "Good teamwork.", "score": 9}';
  const score = request.role === "judge:ctrs" ? 3 : request.role === "judge:wai" ? 5 : 2;
  return JSON.stringify({ reason: `Reason for ${item}.`, score });
}

beforeAll(async () => {
  server = await startFakeOpenAIServer({ answer });
  const summary = await importPaths([path.join(SESSIONS_DIR, "session_1.json")]);
  expect(summary.imported).toBe(1);
});
afterAll(() => server.close());

describe("parsing a judge's answer", () => {
  it("takes one JSON object with a reason and a whole score in range, fenced or not", () => {
    expect(parseJudgement('{"reason":"ok","score":4}', CTRS)).toEqual({ reason: "ok", score: 4 });
    expect(parseJudgement('```json\n{"reason":"ok","score":0}\n```', CTRS).score).toBe(0);
  });

  it.each([
    ["prose", "Score: 4"],
    ["out of range", '{"reason":"ok","score":7}'],
    ["not whole", '{"reason":"ok","score":3.5}'],
    ["a string score", '{"reason":"ok","score":"4"}'],
    ["no reason", '{"reason":" ","score":4}'],
    ["extra keys", '{"reason":"ok","score":4,"confidence":1}'],
    ["text around the object", 'Here it is: {"reason":"ok","score":4}'],
  ])("refuses %s", (_name, raw) => {
    expect(() => parseJudgement(raw, CTRS)).toThrow(/Malformed/);
  });

  it("checks each scale's own range", () => {
    expect(() => parseJudgement('{"reason":"ok","score":0}', WAI)).toThrow(/Malformed/);
    expect(parseJudgement('{"reason":"ok","score":7}', WAI).score).toBe(7);
    expect(() => parseJudgement('{"reason":"ok","score":6}', PANAS)).toThrow(/Malformed/);
  });
});

describe("judging a published session against the fake server", () => {
  it("stores every run and every attempt; a malformed answer is retried, then failed with no score", async () => {
    const report = await evaluateSet({
      filter: {},
      metrics: ["ctrs", "wai", "panas"],
      judge,
      runs: 3,
      models: (ref) => resolveModel(ref, { LLM_BASE_URL: server.baseURL }),
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });
    const db = getDb();
    const [session] = await db.session.findMany({ select: { id: true, profileId: true } });

    // CTRS: 6 items × 3 runs; guided discovery failed every time, collaboration's first attempt was retried.
    const ctrs = await db.evaluationResult.findMany({ where: { sessionId: session.id, metric: "ctrs" } });
    expect(ctrs).toHaveLength(18);
    const failed = ctrs.filter((r) => r.status === "failed");
    expect(failed.map((r) => r.item)).toEqual(["guided_discovery", "guided_discovery", "guided_discovery"]);
    for (const row of failed) {
      expect(row.score).toBeNull();
      expect(row.error).toMatch(/Malformed reply: not a JSON object/);
    }
    expect(ctrs.filter((r) => r.item === "collaboration").map((r) => r.score)).toEqual([3, 3, 3]);
    expect(report.sessions[0].ctrs?.items.understanding).toEqual({ runs: [3, 3, 3], mean: 3 });
    // A scale with an item that has no score has no scale score.
    expect(report.sessions[0].ctrs?.mean).toBeNull();
    expect(report.failures).toHaveLength(3);

    // Every attempt is an agent call of the session: 3 runs × 2 attempts of guided discovery failed.
    const calls = await db.agentCall.findMany({ where: { sessionId: session.id, role: "judge:ctrs" } });
    const gd = calls.filter((c) =>
      JSON.stringify(c.promptMessages).includes('<item key=\\"guided_discovery\\">'),
    );
    expect(gd.map((c) => [c.status, c.attempt]).sort()).toEqual([
      ["failed", 1],
      ["failed", 1],
      ["failed", 1],
      ["failed", 2],
      ["failed", 2],
      ["failed", 2],
    ]);
    expect(calls.find((c) => c.status === "succeeded")).toMatchObject({
      provider: "openai-compatible",
      modelId: "judge-model",
    });
    expect(calls[0].settings).toMatchObject({ temperature: 0 });

    // The judge saw the transcript only: every message, the opening included, as Counselor:/Client: lines.
    const published = readPublishedSession(1);
    const prompt = server.requests.find((r) => r.role === "judge:wai")?.messages.at(-1)?.content ?? "";
    const transcript = published.dialogue
      .map((m) => `${m.role === "counselor" ? "Counselor" : "Client"}: ${m.message}`)
      .join("\n");
    expect(prompt).toContain(`<transcript>\n${transcript}\n</transcript>`);
    expect(prompt).not.toContain("<intake_form>");

    // WAI raw and reversed; PANAS before once for the profile, after for the session.
    expect(report.sessions[0].wai).toMatchObject({ mean: 5, meanReversed: (10 * 5 + 2 * 3) / 12 });
    const before = await db.evaluationResult.count({
      where: { profileId: session.profileId, metric: "panas_before" },
    });
    expect(before).toBe(60);
    expect(report.panasShift?.[report.sessions[0].attitude]).toEqual({ positive: 0, negative: 0 });
    expect(report.simulated).toBe(false);

    // The session page's rounds stay free of judge calls.
    const detail = await getSessionDetailById({ id: session.id });
    expect(detail.agentCalls.filter((c) => c.role.startsWith("judge:"))).toHaveLength(0);
  });

  it("a second evaluation by the same judge replaces its results and reuses PANAS before", async () => {
    const requestsBefore = server.requests.length;
    await evaluateSet({
      filter: {},
      metrics: ["panas"],
      judge,
      runs: 1,
      models: (ref) => resolveModel(ref, { LLM_BASE_URL: server.baseURL }),
    });
    const roles = server.requests.slice(requestsBefore).map((r) => r.role);
    expect(new Set(roles)).toEqual(new Set(["judge:panas_after"]));
    expect(await getDb().evaluationResult.count({ where: { metric: "panas_after" } })).toBe(20);
  });

  it("the offline simulator judges deterministically and its scores are marked simulated", async () => {
    const simulator = { provider: "offline" as const, modelId: "offline-simulator" };
    const options: EvaluateOptions = {
      filter: {},
      metrics: ["ctrs"],
      judge: simulator,
      runs: 2,
      models: (ref) => resolveModel(ref, { SIMULATOR_LATENCY_MS: "0", SIMULATOR_TOKENS_PER_SECOND: "0" }),
    };
    const first = await evaluateSet(options);
    const second = await evaluateSet(options);
    expect(first.simulated).toBe(true);
    expect(first.sessions[0].ctrs).toEqual(second.sessions[0].ctrs);
    expect(first.failures).toEqual([]);
    const rows = await getDb().evaluationResult.findMany({ where: { judgeModel: "offline-simulator" } });
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.simulated && r.score !== null && r.score >= 0 && r.score <= 6)).toBe(true);
  });

  it("streams every judge call as pipeline events; the live view keeps them out of the plan and rounds", async () => {
    const events: PipelineEvent[] = [];
    await evaluateSet({
      filter: {},
      metrics: ["ctrs"],
      judge: { provider: "offline", modelId: "offline-simulator" },
      runs: 1,
      models: (ref) => resolveModel(ref, { SIMULATOR_LATENCY_MS: "0", SIMULATOR_TOKENS_PER_SECOND: "0" }),
      events: (event) => events.push(event),
    });
    const started = events.filter((e) => e.type === "call-started");
    expect(started).toHaveLength(CTRS.items.length);
    expect(new Set(started.map((e) => e.role))).toEqual(new Set(["judge:ctrs"]));
    expect(events.filter((e) => e.type === "call-finished")).toHaveLength(CTRS.items.length);
    expect(events.some((e) => e.type === "call-delta")).toBe(true);

    const [session] = await getDb().session.findMany({ select: { id: true } });
    const live = events.reduce(applyEvent, emptyLiveSession(session.id, "magnet", 20));
    expect(live.planCallIds).toEqual([]);
    expect(live.rounds).toEqual([]);
    const judged = Object.values(live.calls).filter(isJudgeCall);
    expect(judged.map((c) => c.status)).toEqual(CTRS.items.map(() => "succeeded"));
    expect(judged.every((c) => c.text.includes('"score"'))).toBe(true);
  });
});
