import "server-only";
import type { SpecialistTechnique } from "@/lib/cbt/techniques";
import type { PipelineEvent } from "@/lib/pipeline/events";
import { parseSelection } from "@/lib/pipeline/selection";
import { pauseOf, type RoundSteering } from "@/lib/pipeline/steering";
import type { SessionStatus } from "@/lib/pipeline/types";
import type { SessionPageData } from "@/lib/sessions/queries";
import { steeringOf } from "@/lib/sessions/steering";
import {
  applyEvent,
  emptyRound,
  isJudgeCall,
  type LiveCall,
  type LiveRound,
  type LiveSession,
  waitingAt,
} from "./live-state";

/** The stored rows a live state is built from: the session page's data, or the whole detail. */
type StoredSession = Omit<
  SessionPageData,
  "profile" | "source" | "config" | "openingCounselor" | "openingClient" | "interventions"
>;

/** The live state of a stored session: finished calls and committed rounds from the database. */
export function liveSessionFromDetail(detail: StoredSession): LiveSession {
  const calls: Record<string, LiveCall> = {};
  const planCallIds: string[] = [];
  const rounds = new Map<number, LiveRound>();
  const roundOf = (index: number) => {
    const round = rounds.get(index) ?? emptyRound(index);
    rounds.set(index, round);
    return round;
  };
  for (const row of detail.agentCalls) {
    calls[row.id] = {
      id: row.id,
      role: row.role,
      technique: row.technique,
      roundIndex: row.roundIndex,
      provider: row.provider,
      modelId: row.modelId,
      attempt: row.attempt,
      status: row.status,
      text: row.cleanedOutput ?? row.rawOutput ?? "",
      error: row.error,
      latencyMs: row.latencyMs,
      tokensIn: row.tokensIn,
      tokensOut: row.tokensOut,
    };
    if (isJudgeCall(row)) continue;
    if (row.roundIndex === null) planCallIds.push(row.id);
    else roundOf(row.roundIndex).callIds.push(row.id);
  }
  // A round in progress shows what its selector chose (a stored round keeps its own selection).
  for (const round of rounds.values()) {
    const selectors = round.callIds.map((id) => calls[id]).filter((call) => call?.role === "selector");
    const latest = selectors.sort((a, b) => b.attempt - a.attempt)[0];
    if (latest?.status === "succeeded") round.selection = parseSelection(latest.text);
  }
  for (const row of detail.rounds) {
    Object.assign(roundOf(row.index), {
      counselorReply: row.counselorReply,
      clientReply: row.clientReply,
      endedByClient: row.endedByClient,
      selection: { techniques: row.selectedTechniques, rationale: row.selectionRationale, fallback: false },
      committed: true,
      steering: roundSteeringOf(row),
      stale: row.staleOutputs,
    });
  }
  const state: LiveSession = {
    id: detail.id,
    status: detail.status as SessionStatus,
    variant: detail.variant,
    maxRounds: detail.maxRounds,
    roundCount: detail.roundCount,
    tokensIn: detail.tokensIn,
    tokensOut: detail.tokensOut,
    plan: detail.technique || detail.plan ? planOf(detail) : null,
    planCallIds,
    rounds: [...rounds.values()].sort((a, b) => a.index - b.index),
    calls,
    statusReason: detail.error,
    interventions: [],
  };
  return withStoredPause(state, detail);
}

/**
 * The pause the session waits at, from its stored column: right from the first render, before (or
 * without) a live stream replaying the pause. Only a running session waits, in its round in progress.
 */
function withStoredPause(state: LiveSession, detail: StoredSession): LiveSession {
  if (state.status !== "running" || !detail.awaiting) return state;
  const pause = pauseOf(detail.awaiting, steeringOf(detail.steering).seat);
  return waitingAt(state, detail.roundCount + 1, pause);
}

type StoredRound = StoredSession["rounds"][number];

/** The round's steering marks, when a person held a seat or changed something. */
function roundSteeringOf(row: StoredRound): RoundSteering | null {
  const steered = row.seat !== "agents" || row.selectionOverridden || row.counselorEdited || row.clientEdited;
  if (!steered) return null;
  return {
    seat: row.seat,
    selectionOverridden: row.selectionOverridden,
    originalSelectedTechniques: row.originalSelectedTechniques as SpecialistTechnique[],
    counselorEdited: row.counselorEdited,
    originalCounselorReply: row.originalCounselorReply,
    clientEdited: row.clientEdited,
    originalClientReply: row.originalClientReply,
  };
}

function planOf(detail: StoredSession) {
  return { technique: detail.technique, techniqueRaw: detail.techniqueRaw ?? "", plan: detail.plan ?? "" };
}

/** Overlays the partial text of calls still running (from the event hub) on a stored state. */
export function withPartialCalls(state: LiveSession, partial: PipelineEvent[]): LiveSession {
  return partial.reduce((next, event) => {
    const stored = "callId" in event ? next.calls[event.callId] : undefined;
    if (stored && stored.status !== "running") return next;
    return applyEvent(next, event);
  }, state);
}
