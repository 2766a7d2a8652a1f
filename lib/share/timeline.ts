// A stored session as the pipeline events that would have produced it, each at a time in the replay:
// the replay page plays them through the live view's own reducer (applyEvent), so the replay looks
// like the live session because it is the live session's renderer. Client-safe.

import { CBT_TECHNIQUES, SPECIALIST_TECHNIQUES, type SpecialistTechnique } from "@/lib/cbt/techniques";
import { emptyLiveSession, type LivePlan, type LiveSession } from "@/lib/live/live-state";
import type { PipelineEvent, PipelineEventBody } from "@/lib/pipeline/events";
import type { SessionStatus, Variant } from "@/lib/pipeline/types";
import type { PromptRole } from "@/lib/prompts";

export interface ReplayCall {
  /** c1, c2, …: the replay's own numbering, not the studio's ids. */
  id: string;
  role: string;
  technique: string | null;
  roundIndex: number | null;
  provider: string;
  modelId: string;
  attempt: number;
  text: string;
  latencyMs: number | null;
  tokensIn: number | null;
  tokensOut: number | null;
  /** Milliseconds after the session's first call started. */
  startMs: number;
  endMs: number;
}

export interface ReplayRound {
  index: number;
  counselorReply: string;
  clientReply: string | null;
  endedByClient: boolean;
  selectedTechniques: string[];
  selectionRationale: string | null;
}

/** Everything the replay page receives: the session's dialogue and its agents' outputs, nothing else. */
export interface ReplayData {
  status: SessionStatus;
  variant: Variant;
  source: "generated" | "imported";
  maxRounds: number;
  models: string;
  plan: LivePlan | null;
  opening: { counselor: string; client: string };
  profile: { name: string; attitude: "positive" | "neutral" | "negative"; presentingProblem: string };
  rounds: ReplayRound[];
  calls: ReplayCall[];
}

export interface TimedEvent {
  /** Milliseconds into the replay at 1×. */
  at: number;
  event: PipelineEvent;
}

export interface Timeline {
  events: TimedEvent[];
  duration: number;
  /** When each round starts, by round index. */
  roundStarts: Map<number, number>;
}

export const REPLAY_SESSION_ID = "replay";

/** Idle time between calls (a person waiting before "Run next round") is cut to this. */
export const MAX_IDLE_MS = 600;
/** A call shorter than this would only flash by. */
const MIN_CALL_MS = 250;
/** At most this many streamed pieces per call: enough to look streamed, few enough to stay cheap. */
const MAX_PIECES = 40;
/** The pace of a session whose source recorded no calls (imported): one round per this. */
const IMPORTED_ROUND_MS = 2_500;

export function buildTimeline(data: ReplayData): Timeline {
  const out: { at: number; body: PipelineEventBody }[] = [];
  const push = (at: number, body: PipelineEventBody) => out.push({ at, body });
  const roundStarts = new Map<number, number>();
  push(0, { type: "session-started", variant: data.variant, fromRound: 1, maxRounds: data.maxRounds });

  const calls = compressIdle(data.calls);
  const roundEnds = new Map<number, number>();
  for (const call of calls) {
    if (call.roundIndex !== null) {
      const start = roundStarts.get(call.roundIndex);
      roundStarts.set(call.roundIndex, start === undefined ? call.start : Math.min(start, call.start));
      roundEnds.set(call.roundIndex, Math.max(roundEnds.get(call.roundIndex) ?? 0, call.end));
    }
    push(call.start, {
      type: "call-started",
      callId: call.id,
      // Stored by the engine from a PromptRole; the list of roles lives with the prompts' text, which
      // must not reach this page's bundle.
      role: call.role as PromptRole,
      technique: SPECIALIST_TECHNIQUES.find((t) => t === call.technique),
      roundIndex: call.roundIndex,
      provider: call.provider,
      modelId: call.modelId,
      attempt: call.attempt,
    });
    const pieces = splitText(call.text);
    pieces.forEach((delta, i) => {
      push(call.start + ((i + 1) / (pieces.length + 1)) * (call.end - call.start), {
        type: "call-delta",
        callId: call.id,
        delta,
      });
    });
    push(call.end, {
      type: "call-finished",
      callId: call.id,
      text: call.text,
      rawText: call.text,
      usage: { inputTokens: call.tokensIn ?? 0, outputTokens: call.tokensOut ?? 0 },
      latencyMs: call.latencyMs ?? call.end - call.start,
    });
    if (call.role === "planner" && data.plan) push(call.end, { type: "plan-ready", ...planEvent(data.plan) });
  }
  const planner = calls.find((call) => call.role === "planner");
  if (data.plan && !planner) push(0, { type: "plan-ready", ...planEvent(data.plan) });

  let clock = calls.reduce((end, call) => Math.max(end, call.end), 0);
  for (const round of data.rounds) {
    const selector = calls.find((call) => call.role === "selector" && call.roundIndex === round.index);
    if (!roundStarts.has(round.index)) {
      // Imported: the round's dialogue appears at a steady pace.
      roundStarts.set(round.index, clock + 1);
      roundEnds.set(round.index, clock + IMPORTED_ROUND_MS);
      clock += IMPORTED_ROUND_MS;
    }
    const start = roundStarts.get(round.index) ?? 0;
    push(start - 1, { type: "round-started", roundIndex: round.index });
    if (selector) {
      push(selector.end, {
        type: "selection-made",
        roundIndex: round.index,
        techniques: specialistsOf(round.selectedTechniques),
        rationale: round.selectionRationale,
        fallback: false,
      });
    }
    const roundCalls = calls.filter((call) => call.roundIndex === round.index);
    push((roundEnds.get(round.index) ?? start) + 1, {
      type: "round-completed",
      round: {
        sessionId: REPLAY_SESSION_ID,
        index: round.index,
        counselorReply: round.counselorReply,
        clientReply: round.clientReply,
        endedByClient: round.endedByClient,
        selectedTechniques: specialistsOf(round.selectedTechniques),
        selectionRationale: round.selectionRationale,
        selectionFallback: false,
        tokensIn: roundCalls.reduce((sum, call) => sum + (call.tokensIn ?? 0), 0),
        tokensOut: roundCalls.reduce((sum, call) => sum + (call.tokensOut ?? 0), 0),
      },
    });
  }
  const last = out.reduce((end, item) => Math.max(end, item.at), 0);
  const ending = data.status === "running" ? "stopped" : data.status;
  push(last + 1, { type: "session-ended", status: ending, reason: endReason(data) });

  // A stable sort: events at the same moment keep the order in which a run emits them.
  const sorted = out
    .map((item, order) => ({ ...item, order }))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  const events = sorted.map(({ at, body }, i) => ({
    at: Math.max(0, Math.round(at)),
    event: { ...body, sessionId: REPLAY_SESSION_ID, seq: i + 1, timestamp: Math.round(at) } as PipelineEvent,
  }));
  return { events, duration: events.at(-1)?.at ?? 0, roundStarts };
}

/** The state the replay starts from: nothing has happened yet. */
export function initialReplayState(data: ReplayData): LiveSession {
  return emptyLiveSession(REPLAY_SESSION_ID, data.variant, data.maxRounds);
}

function planEvent(plan: LivePlan) {
  const technique = CBT_TECHNIQUES.find((t) => t === plan.technique) ?? null;
  return { technique, techniqueRaw: plan.techniqueRaw, plan: plan.plan };
}

/** In the selector's order. */
function specialistsOf(techniques: string[]): SpecialistTechnique[] {
  return techniques.filter((t): t is SpecialistTechnique => SPECIALIST_TECHNIQUES.some((s) => s === t));
}

function endReason(data: ReplayData): string {
  if (data.status === "ended_by_client") return "The client ended the session";
  if (data.status === "completed") return "All rounds played";
  return `The session was ${data.status.replace(/_/g, " ")} here`;
}

/**
 * Calls on the replay's clock: each keeps its own duration (at least MIN_CALL_MS), and a stretch in
 * which nothing ran is cut to MAX_IDLE_MS.
 */
function compressIdle(calls: ReplayCall[]): (ReplayCall & { start: number; end: number })[] {
  const sorted = [...calls].sort((a, b) => a.startMs - b.startMs);
  let busyUntil = sorted[0]?.startMs ?? 0;
  let cut = 0;
  return sorted.map((call) => {
    if (call.startMs > busyUntil + MAX_IDLE_MS) cut += call.startMs - busyUntil - MAX_IDLE_MS;
    busyUntil = Math.max(busyUntil, call.endMs);
    const start = call.startMs - cut;
    return { ...call, start, end: start + Math.max(MIN_CALL_MS, call.endMs - call.startMs) };
  });
}

/** Word-boundary pieces that concatenate to the text. */
export function splitText(text: string): string[] {
  const words = text.match(/\S+\s*|\s+/g) ?? [];
  const per = Math.max(1, Math.ceil(words.length / MAX_PIECES));
  const pieces: string[] = [];
  for (let i = 0; i < words.length; i += per) pieces.push(words.slice(i, i + per).join(""));
  return pieces;
}
