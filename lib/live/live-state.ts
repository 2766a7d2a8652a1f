// The state of one session as the live view shows it, and the one reducer that moves it forward by
// pipeline events. The server builds the first state from the database (plus the partial text of
// calls still streaming); the browser applies every later event with the same reducer. Client-safe.

import type { PipelineEvent } from "@/lib/pipeline/events";
import {
  awaitingOf,
  type InterventionKind,
  type PausePoint,
  type RoundSteering,
  type Seat,
  type SessionAwaiting,
  unsteeredRound,
} from "@/lib/pipeline/steering";
import type { SessionStatus, Variant } from "@/lib/pipeline/types";

export type LiveCallStatus = "running" | "succeeded" | "failed" | "cancelled";

export interface LiveCall {
  id: string;
  role: string;
  technique: string | null;
  roundIndex: number | null;
  provider: string;
  modelId: string;
  attempt: number;
  status: LiveCallStatus;
  /** Streamed raw text while running; the cleaned output once finished. */
  text: string;
  error: string | null;
  latencyMs: number | null;
  tokensIn: number | null;
  tokensOut: number | null;
}

export interface LiveSelection {
  techniques: string[];
  rationale: string | null;
  fallback: boolean;
}

export interface LiveRound {
  index: number;
  /** Calls of the round in start order, retries included. */
  callIds: string[];
  selection: LiveSelection | null;
  counselorReply: string | null;
  clientReply: string | null;
  endedByClient: boolean;
  committed: boolean;
  /** The pause point the round waits at for a person, if it does. */
  awaiting: { point: PausePoint; seat: Seat } | null;
  /** Who held the seats and what people changed; null when the agents played it all. */
  steering: RoundSteering | null;
  /** Outputs made from one regenerated since ("counselor", "client"): re-run them to agree. */
  stale: string[];
}

/** A person's change to a round: who, what, when. */
export interface LiveIntervention {
  /** The stored Intervention's id. */
  id: string;
  roundIndex: number;
  kind: InterventionKind;
  userName: string;
  /** ISO date. */
  at: string;
  /** The output regenerated, for output_regenerated. */
  output?: string;
}

export interface LivePlan {
  technique: string | null;
  techniqueRaw: string;
  plan: string;
}

export interface LiveSession {
  id: string;
  status: SessionStatus;
  variant: Variant;
  maxRounds: number;
  roundCount: number;
  tokensIn: number;
  tokensOut: number;
  plan: LivePlan | null;
  /** Calls of the planner (round null; judge calls are round null too but not the planner's). */
  planCallIds: string[];
  rounds: LiveRound[];
  calls: Record<string, LiveCall>;
  statusReason: string | null;
  /** Changes people made while this state was watched (the stored ones come with the page). */
  interventions: LiveIntervention[];
}

export function emptyRound(index: number): LiveRound {
  return {
    index,
    callIds: [],
    selection: null,
    counselorReply: null,
    clientReply: null,
    endedByClient: false,
    committed: false,
    awaiting: null,
    steering: null,
    stale: [],
  };
}

/** Applies one event; returns a new state (the input is not changed). Applying an event twice is harmless. */
export function applyEvent(state: LiveSession, event: PipelineEvent): LiveSession {
  switch (event.type) {
    case "session-started":
      return { ...state, status: "running", statusReason: null, maxRounds: event.maxRounds };
    case "round-started":
      return withRound(state, event.roundIndex, (round) => round);
    case "call-started":
      return startCall(state, event);
    case "call-delta":
      return updateCall(state, event.callId, (call) =>
        call.status === "running" ? { ...call, text: call.text + event.delta } : call,
      );
    case "call-finished":
      return updateCall(state, event.callId, (call) => ({
        ...call,
        status: "succeeded",
        text: event.text,
        latencyMs: event.latencyMs,
        tokensIn: event.usage.inputTokens,
        tokensOut: event.usage.outputTokens,
      }));
    case "call-failed":
      return updateCall(state, event.callId, (call) => ({
        ...call,
        status: event.cancelled ? "cancelled" : "failed",
        error: event.error,
      }));
    case "plan-ready":
      return {
        ...state,
        plan: { technique: event.technique, techniqueRaw: event.techniqueRaw, plan: event.plan },
      };
    case "selection-made":
      return withRound(state, event.roundIndex, (round) => ({
        ...round,
        selection: { techniques: event.techniques, rationale: event.rationale, fallback: event.fallback },
      }));
    case "steering-awaited":
      return waitingAt(state, event.roundIndex, event);
    case "steering-applied": {
      const next = withRound(state, event.roundIndex, (round) => applySteering(state, round, event));
      return event.kind ? heard(next, event, event.kind) : next;
    }
    case "output-regenerated": {
      const next = withRound(state, event.roundIndex, (round) => regenerated(round, event));
      return heard(next, event, "output_regenerated", event.output);
    }
    case "round-completed":
      return commitRound(state, event.round);
    case "session-ended":
      return { ...state, status: event.status, statusReason: event.reason };
  }
}

function startCall(state: LiveSession, event: Extract<PipelineEvent, { type: "call-started" }>): LiveSession {
  if (state.calls[event.callId]) return state;
  const call: LiveCall = {
    id: event.callId,
    role: event.role,
    technique: event.technique ?? null,
    roundIndex: event.roundIndex,
    provider: event.provider,
    modelId: event.modelId,
    attempt: event.attempt,
    status: "running",
    text: "",
    error: null,
    latencyMs: null,
    tokensIn: null,
    tokensOut: null,
  };
  const next = { ...state, calls: { ...state.calls, [call.id]: call } };
  if (isJudgeCall(call)) return next;
  if (event.roundIndex === null) return { ...next, planCallIds: [...next.planCallIds, call.id] };
  return withRound(next, event.roundIndex, (round) => ({ ...round, callIds: [...round.callIds, call.id] }));
}

/** A judge's call on the finished session (lib/eval): streamed with the rest, shown by the Evaluation panel. */
export function isJudgeCall(call: Pick<LiveCall, "role">): boolean {
  return call.role.startsWith("judge:");
}

function updateCall(state: LiveSession, callId: string, change: (call: LiveCall) => LiveCall): LiveSession {
  const call = state.calls[callId];
  if (!call) return state;
  return { ...state, calls: { ...state.calls, [callId]: change(call) } };
}

function withRound(state: LiveSession, index: number, change: (round: LiveRound) => LiveRound): LiveSession {
  const at = state.rounds.findIndex((r) => r.index === index);
  const rounds = [...state.rounds];
  if (at >= 0) rounds[at] = change(rounds[at]);
  else rounds.push(change(emptyRound(index)));
  rounds.sort((a, b) => a.index - b.index);
  return { ...state, rounds };
}

function commitRound(
  state: LiveSession,
  round: Extract<PipelineEvent, { type: "round-completed" }>["round"],
): LiveSession {
  const already = state.rounds.find((r) => r.index === round.index)?.committed;
  const next = withRound(state, round.index, (r) => ({
    ...r,
    counselorReply: round.counselorReply,
    clientReply: round.clientReply,
    endedByClient: round.endedByClient,
    selection: round.steering?.selectionOverridden
      ? { techniques: round.selectedTechniques, rationale: null, fallback: false }
      : (r.selection ?? {
          techniques: round.selectedTechniques,
          rationale: round.selectionRationale,
          fallback: round.selectionFallback,
        }),
    committed: true,
    awaiting: null,
    steering: round.steering ?? null,
    stale: round.staleOutputs ?? [],
  }));
  if (already) return next;
  return {
    ...next,
    roundCount: Math.max(state.roundCount, round.index),
    tokensIn: state.tokensIn + round.tokensIn,
    tokensOut: state.tokensOut + round.tokensOut,
  };
}

/** The round waits at `pause` for a person; a person in a seat marks the round as theirs. */
export function waitingAt(
  state: LiveSession,
  roundIndex: number,
  { point, seat }: { point: PausePoint; seat: Seat },
): LiveSession {
  return withRound(state, roundIndex, (round) => ({
    ...round,
    awaiting: { point, seat },
    steering: round.steering ?? (seat === "agents" ? null : unsteeredRound(seat)),
  }));
}

/** What the running session waits for a person to do, from its waiting round; null: it does not wait. */
export function sessionAwaiting(state: LiveSession): SessionAwaiting | null {
  if (state.status !== "running") return null;
  const waiting = state.rounds.find((round) => round.awaiting && !round.committed);
  return waiting?.awaiting ? awaitingOf(waiting.awaiting) : null;
}

type SteeringApplied = Extract<PipelineEvent, { type: "steering-applied" }>;

/** A person's answer at a pause: the round stops waiting and, if they changed something, shows it. */
function applySteering(state: LiveSession, round: LiveRound, event: SteeringApplied): LiveRound {
  const next = { ...round, awaiting: null };
  if (event.kind === null || event.value === null) return next;
  const marks = { ...(round.steering ?? unsteeredRound(round.awaiting?.seat ?? "agents")) };
  if (event.kind === "selection_override" && Array.isArray(event.value)) {
    marks.selectionOverridden = true;
    marks.originalSelectedTechniques = (round.selection?.techniques ?? []) as typeof event.value;
    return {
      ...next,
      steering: marks,
      selection: { techniques: event.value, rationale: null, fallback: false },
    };
  }
  if (typeof event.value !== "string") return next;
  if (event.kind === "client_written") {
    return { ...next, steering: { ...marks, clientEdited: true }, clientReply: event.value };
  }
  const fuser = latestAttempts(state, round.callIds).find((call) => COUNSELOR_ROLES.includes(call.role));
  marks.counselorEdited = true;
  marks.originalCounselorReply = event.kind === "counselor_edit" ? (fuser?.text ?? null) : null;
  return { ...next, steering: marks, counselorReply: event.value };
}

/** Adds a person's change to the ones heard live (once: an event applied twice adds nothing). */
function heard(
  state: LiveSession,
  event: PipelineEvent & { roundIndex: number; by: string; interventionId?: string },
  kind: InterventionKind,
  output?: string,
): LiveSession {
  const id = event.interventionId;
  if (!id || state.interventions.some((other) => other.id === id)) return state;
  const item: LiveIntervention = {
    id,
    roundIndex: event.roundIndex,
    kind,
    userName: event.by,
    at: new Date(event.timestamp).toISOString(),
    ...(output ? { output } : {}),
  };
  return { ...state, interventions: [...state.interventions, item] };
}

/** An output of the waiting round was made again: its new value, and what is stale since. */
function regenerated(
  round: LiveRound,
  event: Extract<PipelineEvent, { type: "output-regenerated" }>,
): LiveRound {
  const next = { ...round, stale: event.stale };
  if (!round.steering) return next;
  if (event.output === "selection") {
    return {
      ...next,
      steering: { ...round.steering, selectionOverridden: false, originalSelectedTechniques: [] },
    };
  }
  if (event.output === "counselor" && typeof event.value === "string") {
    const steering = { ...round.steering, counselorEdited: false, originalCounselorReply: null };
    return { ...next, steering, counselorReply: event.value };
  }
  return next;
}

/** Roles whose output is the counselor's turn. */
export const COUNSELOR_ROLES = ["fuser", "counselor:cactus", "counselor:psych8k"];

/** The calls of a round that the view shows: the latest attempt per role. */
export function latestAttempts(state: LiveSession, callIds: string[]): LiveCall[] {
  const byRole = new Map<string, LiveCall>();
  for (const id of callIds) {
    const call = state.calls[id];
    if (!call) continue;
    const seen = byRole.get(call.role);
    if (!seen || call.attempt >= seen.attempt) byRole.set(call.role, call);
  }
  return [...byRole.values()];
}

export function emptyLiveSession(id: string, variant: Variant, maxRounds: number): LiveSession {
  return {
    id,
    status: "draft",
    variant,
    maxRounds,
    roundCount: 0,
    tokensIn: 0,
    tokensOut: 0,
    plan: null,
    planCallIds: [],
    rounds: [],
    calls: {},
    statusReason: null,
    interventions: [],
  };
}
