// Test doubles for the pipeline: a fake model with per-role latency, scripted texts and failures, and a
// ready profile. Used by the tests beside this file; product code never imports it.

import type { LanguageModelV4, StreamPartV4 } from "@/lib/providers/model-types";
import { type PromptReading, readPrompt } from "@/lib/providers/simulator/prompt-reading";
import { writeAnswer } from "@/lib/providers/simulator/write";
import { sleep } from "@/lib/providers/sleep";
import { buildSessionConfig, type SessionConfigOverrides } from "./config";
import type { SessionRun } from "./engine";
import type { PipelineEvent } from "./events";
import { MemorySessionStore } from "./memory-store";
import type { ProfileSnapshot, SessionConfig } from "./types";

/** The role a prompt was written for, from its "Role: ..." marker line ("unknown" when absent). */
export function roleOfPrompt(reading: PromptReading): string {
  return reading.system.match(/^Role:\s*(\S+)/m)?.[1] ?? "unknown";
}

export interface FakeCall {
  role: string;
  attempt: number;
  startedAt: number;
  finishedAt?: number;
  json: boolean;
  prompt: string;
}

export interface FakeModelOptions {
  latencyMs?: (role: string, attempt: number) => number;
  /** Text to answer with; undefined falls back to the simulator's text. */
  text?: (role: string, reading: PromptReading, attempt: number) => string | undefined;
  /** An error to fail this attempt with (thrown before streaming). */
  fail?: (role: string, attempt: number) => Error | undefined;
}

export type FakeModel = LanguageModelV4 & { calls: FakeCall[] };

export function fakeModel(options: FakeModelOptions = {}): FakeModel {
  const calls: FakeCall[] = [];
  const attempts = new Map<string, number>();
  const model: FakeModel = {
    specificationVersion: "v4",
    provider: "fake",
    modelId: "fake-model",
    supportedUrls: {},
    calls,
    async doGenerate() {
      throw new Error("fakeModel only streams");
    },
    async doStream(call) {
      const reading = readPrompt(call.prompt);
      const role = roleOfPrompt(reading);
      const key = `${role}\n${reading.user}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      const json = call.responseFormat?.type === "json";
      const record: FakeCall = { role, attempt, startedAt: Date.now(), json, prompt: reading.user };
      calls.push(record);
      const failure = options.fail?.(role, attempt);
      if (failure) throw failure;
      const text = options.text?.(role, reading, attempt) ?? writeAnswer(reading, { json, endRound: null });
      const latency = options.latencyMs?.(role, attempt) ?? 0;
      return { stream: fakeStream(text, latency, call.abortSignal, record) };
    },
  };
  return model;
}

function fakeStream(text: string, latencyMs: number, signal: AbortSignal | undefined, record: FakeCall) {
  const usage = {
    inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: 5, text: 5, reasoning: 0 },
  };
  return new ReadableStream<StreamPartV4>({
    async start(controller) {
      try {
        controller.enqueue({ type: "stream-start", warnings: [] });
        await sleep(latencyMs, signal);
        controller.enqueue({ type: "text-start", id: "t" });
        if (text) controller.enqueue({ type: "text-delta", id: "t", delta: text });
        controller.enqueue({ type: "text-end", id: "t" });
        controller.enqueue({ type: "finish", usage, finishReason: { unified: "stop", raw: "stop" } });
        record.finishedAt = Date.now();
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}

export const testProfile: ProfileSnapshot = {
  clientInformation: "Name: Dana Reyes\nAge: 34\nOccupation: Nurse",
  reasonForCounseling: "I keep thinking I will fail at my new job and it makes me anxious every day.",
  intakeText: [
    "Name: Dana Reyes",
    "",
    "2. Presenting Problem",
    "I worry constantly that I will make a mistake at work.",
    "The worry started when I moved to a new hospital.",
    "",
    "3. Reason for Seeking Counseling",
    "I keep thinking I will fail at my new job.",
  ].join("\n"),
  attitude: "neutral",
  attitudeInstruction: "Answer briefly and stay somewhat reserved.",
  openingCounselor: "Hello Dana, what brings you here today?",
  openingClient: "I feel anxious all the time because I think I'm going to fail at my new job.",
};

/** A config for tests: no env lookups, the offline provider everywhere, fast retries. */
export function testConfig(overrides: SessionConfigOverrides = {}): SessionConfig {
  return buildSessionConfig(
    { maxRounds: 2, ...overrides, retry: { baseDelayMs: 1, maxDelayMs: 5, ...overrides.retry } },
    {},
  );
}

/** A one-round MAGneT run of the test profile in memory, every agent on `model`, its events kept. */
export function testRun(sessionId: string, model: LanguageModelV4, overrides: Partial<SessionRun> = {}) {
  const store = new MemorySessionStore();
  const events: PipelineEvent[] = [];
  const run: SessionRun = {
    sessionId,
    profile: testProfile,
    variant: "magnet",
    config: testConfig({ maxRounds: 1 }),
    store,
    onEvent: (e) => events.push(e),
    models: () => model,
    ...overrides,
  };
  return { run, store, events };
}
