import type { DialogueMessage } from "@/lib/prompts";
import { resolveModel } from "@/lib/providers";
import { runPlanner, type SessionView } from "./agents";
import type { ModelResolver, RunContext } from "./call";
import { createEmitter, type Emit, type EventSink } from "./events";
import { errorMessage } from "./retry";
import { playRound } from "./round";
import type { Steering } from "./steering";
import type { SessionProgress, SessionStore } from "./store";
import type {
  PlanRecord,
  ProfileSnapshot,
  RoundRecord,
  SessionConfig,
  SessionStatus,
  Variant,
} from "./types";
import { VARIANT_SHAPES } from "./variants";

export interface SessionRun {
  sessionId: string;
  profile: ProfileSnapshot;
  variant: Variant;
  config: SessionConfig;
  store: SessionStore;
  /** Aborting it cancels the calls in flight; the session ends `stopped`. */
  signal?: AbortSignal;
  onEvent?: EventSink;
  /** The seq of the first event of this run (to continue a previous run's numbering). */
  firstSeq?: number;
  /** Defaults to the provider registry's resolveModel. */
  models?: ModelResolver;
  /** Randomness for retry jitter. */
  random?: () => number;
  /** Asked before each round after the first of this run; true ends the run `paused` ("pause after this round"). */
  pauseRequested?: () => boolean;
  /** People steering the run (step mode, seats); without it the agents play every turn. */
  steering?: Steering;
}

export interface SessionOutcome {
  status: SessionStatus;
  reason: string;
  /** Committed rounds, including those of earlier runs. */
  roundsCompleted: number;
  error?: string;
}

/** Runs (or resumes, after the last committed round) a session until it ends, fails or is stopped. */
export function runSession(run: SessionRun): Promise<SessionOutcome> {
  return drive(run, Number.POSITIVE_INFINITY);
}

/** Plays one more round (and the plan first, if due); the session is left `paused` unless it ended. */
export function runNextRound(run: SessionRun): Promise<SessionOutcome> {
  return drive(run, 1);
}

async function drive(run: SessionRun, roundsToPlay: number): Promise<SessionOutcome> {
  const { sessionId, store, config } = run;
  const emit = createEmitter(sessionId, run.onEvent, run.firstSeq);
  const signal = run.signal ?? new AbortController().signal;
  const progress = await store.loadProgress(sessionId);
  const rounds = [...progress.rounds];
  const finished = finishedStatus(progress, config);
  if (finished) return { ...finished, roundsCompleted: rounds.length };

  const end = async (status: SessionStatus, reason: string, error?: string): Promise<SessionOutcome> => {
    await store.setStatus(sessionId, { status, reason, ...(error ? { error } : {}) });
    emit({ type: "session-ended", status, reason });
    return { status, reason, roundsCompleted: rounds.length, ...(error ? { error } : {}) };
  };

  await store.setStatus(sessionId, { status: "running" });
  emit({
    type: "session-started",
    variant: run.variant,
    fromRound: rounds.length + 1,
    maxRounds: config.maxRounds,
  });
  try {
    const ctx = contextOf(run, emit);
    const plan = await ensurePlan(ctx, run, progress.plan, signal);
    for (let played = 0; played < roundsToPlay && rounds.length < config.maxRounds; played++) {
      if (played > 0 && run.pauseRequested?.()) break;
      const index = rounds.length + 1;
      emit({ type: "round-started", roundIndex: index });
      const round = await playRound(ctx, run.variant, viewOf(run.profile, plan, rounds), index, signal);
      await store.commitRound(round);
      rounds.push(round);
      emit({ type: "round-completed", round });
      if (round.endedByClient)
        return end("ended_by_client", `The client ended the session in round ${index}`);
    }
    if (rounds.length >= config.maxRounds)
      return end("completed", `All ${config.maxRounds} rounds were played`);
    return end("paused", `Paused after round ${rounds.length}`);
  } catch (error) {
    if (signal.aborted) return end("stopped", `Stopped during round ${rounds.length + 1}`);
    return end("failed", `Failed in round ${rounds.length + 1}`, errorMessage(error));
  }
}

function finishedStatus(progress: SessionProgress, config: SessionConfig) {
  if (progress.rounds.at(-1)?.endedByClient) {
    return { status: "ended_by_client" as const, reason: "The client had already ended the session" };
  }
  if (progress.rounds.length >= config.maxRounds) {
    return { status: "completed" as const, reason: "All rounds had already been played" };
  }
  return null;
}

/** What every agent call of a run needs; also for code outside the engine that runs an agent call. */
export function contextOf(
  run: Pick<SessionRun, "sessionId" | "config" | "store" | "models" | "random" | "steering">,
  emit: Emit,
): RunContext {
  return {
    sessionId: run.sessionId,
    config: run.config,
    store: run.store,
    emit,
    models: run.models ?? ((ref) => resolveModel(ref)),
    random: run.random ?? Math.random,
    newId: () => crypto.randomUUID(),
    ...(run.steering ? { steering: run.steering } : {}),
  };
}

async function ensurePlan(
  ctx: RunContext,
  run: SessionRun,
  saved: PlanRecord | null,
  signal: AbortSignal,
): Promise<PlanRecord | null> {
  if (!VARIANT_SHAPES[run.variant].planner) return null;
  if (saved) return saved;
  const plan = await runPlanner(ctx, viewOf(run.profile, null, []), signal);
  await run.store.savePlan(plan);
  ctx.emit({
    type: "plan-ready",
    technique: plan.technique,
    techniqueRaw: plan.techniqueRaw,
    plan: plan.plan,
  });
  return plan;
}

/** The opening exchange (the profile's, or the session's copy of it), then every committed round. */
export function dialogueOf(
  opening: Pick<ProfileSnapshot, "openingCounselor" | "openingClient">,
  rounds: readonly Pick<RoundRecord, "counselorReply" | "clientReply">[],
): DialogueMessage[] {
  const dialogue: DialogueMessage[] = [
    { role: "counselor", message: opening.openingCounselor },
    { role: "client", message: opening.openingClient },
  ];
  for (const round of rounds) {
    dialogue.push({ role: "counselor", message: round.counselorReply });
    if (round.clientReply) dialogue.push({ role: "client", message: round.clientReply });
  }
  return dialogue;
}

function viewOf(
  profile: ProfileSnapshot,
  plan: PlanRecord | null,
  rounds: readonly RoundRecord[],
): SessionView {
  return { profile, plan, dialogue: dialogueOf(profile, rounds) };
}
