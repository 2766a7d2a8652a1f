import { SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import { buildSessionConfig } from "@/lib/pipeline/config";
import { runSession } from "@/lib/pipeline/engine";
import type { PipelineEvent } from "@/lib/pipeline/events";
import { MemorySessionStore } from "@/lib/pipeline/memory-store";
import { testProfile } from "@/lib/pipeline/testing";
import { resolveModel } from "@/lib/providers";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "@/lib/testing/fake-openai-server";
import { formatTable, median, ratio } from "./report";
import type { BenchOptions, BenchPart, BenchPartResult } from "./types";

// The engine against a fake OpenAI-compatible server over real HTTP: how close a MAGneT round of the
// paper's design comes to its critical path, and how much faster it is than the sequential design.

export interface RoundTiming {
  roundIndex: number;
  wallMs: number;
  /** max(selector, all five specialists) + fuser + client, each from call-started to call-finished. */
  criticalPathMs: number;
}

export const engineBench: BenchPart = {
  name: "engine",
  async run(options) {
    const server = await startFakeOpenAIServer({
      latencyMs: options.latencyMs,
      tokensPerSecond: options.tokensPerSecond,
      answerTokens: options.answerTokens,
    });
    try {
      options.log(`engine: ${options.rounds} concurrent (MAGneT) rounds…`);
      const ours = roundTimings(await playSession(server, options, false));
      options.log(`engine: ${options.rounds} sequential (reference) rounds…`);
      const sequential = roundTimings(await playSession(server, options, true)).map((r) => r.wallMs);
      return summarise(ours, sequential, options);
    } finally {
      await server.close();
    }
  },
};

async function playSession(server: FakeOpenAIServer, options: BenchOptions, sequential: boolean) {
  const env = { LLM_BASE_URL: server.baseURL, DEFAULT_MODEL: "bench-model" };
  const events: PipelineEvent[] = [];
  const sessionId = sequential ? "bench-sequential" : "bench-magnet";
  const outcome = await runSession({
    sessionId,
    profile: testProfile,
    variant: "magnet",
    // One attempt: a failed call is an error of the bench, not something to retry around.
    config: buildSessionConfig({ maxRounds: options.rounds, sequential, retry: { maxAttempts: 1 } }, env),
    store: new MemorySessionStore(),
    models: (ref) => resolveModel(ref, env),
    onEvent: (event) => events.push(event),
  });
  if (outcome.status !== "completed") {
    throw new Error(`The ${sessionId} session ended ${outcome.status}: ${outcome.error ?? outcome.reason}`);
  }
  return events;
}

/** Wall time and critical path of every round in a run's events. */
export function roundTimings(events: readonly PipelineEvent[]): RoundTiming[] {
  const started = new Map<string, Extract<PipelineEvent, { type: "call-started" }>>();
  const rounds = new Map<number, RoundEvents>();
  const roundOf = (index: number) => {
    let round = rounds.get(index);
    if (!round) {
      round = { durations: new Map() };
      rounds.set(index, round);
    }
    return round;
  };
  for (const event of events) {
    if (event.type === "round-started") roundOf(event.roundIndex).startedAt = event.timestamp;
    else if (event.type === "round-completed") roundOf(event.round.index).completedAt = event.timestamp;
    else if (event.type === "call-started") started.set(event.callId, event);
    else if (event.type === "call-finished") {
      const call = started.get(event.callId);
      if (call?.roundIndex == null) continue;
      roundOf(call.roundIndex).durations.set(call.role, event.timestamp - call.timestamp);
    }
  }
  return [...rounds.entries()].sort(([a], [b]) => a - b).map(([index, round]) => timingOf(index, round));
}

interface RoundEvents {
  startedAt?: number;
  completedAt?: number;
  /** By prompt role ("selector", "specialist:reflection", ...): the successful attempt. */
  durations: Map<string, number>;
}

function timingOf(roundIndex: number, round: RoundEvents): RoundTiming {
  const duration = (role: string) => {
    const ms = round.durations.get(role);
    if (ms === undefined) throw new Error(`Round ${roundIndex} has no finished ${role} call`);
    return ms;
  };
  if (round.startedAt === undefined || round.completedAt === undefined) {
    throw new Error(`Round ${roundIndex} did not both start and complete`);
  }
  // The paper's fuser reads all five candidates, so the slowest of them is on the path.
  const firstStage = Math.max(
    duration("selector"),
    ...SPECIALIST_TECHNIQUES.map((t) => duration(`specialist:${t}`)),
  );
  return {
    roundIndex,
    wallMs: round.completedAt - round.startedAt,
    criticalPathMs: firstStage + duration("fuser") + duration("client"),
  };
}

function summarise(ours: RoundTiming[], sequential: number[], options: BenchOptions): BenchPartResult {
  const medianWall = median(ours.map((r) => r.wallMs));
  const medianRatio = median(ours.map((r) => r.wallMs / r.criticalPathMs));
  const sequentialOverOurs = ratio(median(sequential), medianWall);
  const rows = ours.map((r, i) => [
    String(r.roundIndex),
    String(r.wallMs),
    String(r.criticalPathMs),
    (r.wallMs / r.criticalPathMs).toFixed(3),
    String(sequential[i] ?? "–"),
  ]);
  rows.push([
    "median",
    String(medianWall),
    String(median(ours.map((r) => r.criticalPathMs))),
    medianRatio.toFixed(3),
    String(median(sequential)),
  ]);
  return {
    report: [
      `Engine, magnet variant as published (no switches), ${options.rounds} rounds; in-memory session store, so`,
      "the figures measure the engine (and HTTP to the fake server), not the database.",
      "",
      ...formatTable(["round", "wall ms", "critical path ms", "ratio", "sequential ms"], rows),
    ],
    targets: [
      { name: "round wall time / critical path", value: ratio(medianRatio, 1), kind: "max", goal: 1.05 },
      { name: "sequential design / ours", value: sequentialOverOurs, kind: "min", goal: 2.5 },
    ],
    json: { round_over_critical_path: ratio(medianRatio, 1), sequential_over_ours: sequentialOverOurs },
  };
}
