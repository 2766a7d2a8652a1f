import type { CbtTechnique, SpecialistTechnique } from "@/lib/cbt/techniques";
import type { CallRole } from "@/lib/prompts";
import type { InterventionKind, PausePoint, RegenerableOutput, Seat } from "./steering";
import type { RoundRecord, SessionStatus, Usage, Variant } from "./types";

/**
 * THE pipeline progress event, for the live view, the batch worker, logs and replay.
 * A callId names one attempt of one call; a retry is a new call-started with a new callId, the same role
 * and roundIndex, and attempt + 1. Deltas carry only the new text.
 */
export type PipelineEventBody =
  | { type: "session-started"; variant: Variant; fromRound: number; maxRounds: number }
  | { type: "round-started"; roundIndex: number }
  | {
      type: "call-started";
      callId: string;
      role: CallRole;
      technique?: SpecialistTechnique;
      roundIndex: number | null;
      provider: string;
      modelId: string;
      attempt: number;
    }
  | { type: "call-delta"; callId: string; delta: string }
  | { type: "call-finished"; callId: string; text: string; rawText: string; usage: Usage; latencyMs: number }
  | {
      type: "call-failed";
      callId: string;
      error: string;
      willRetry: boolean;
      attempt: number;
      /** Aborted by a stop, or an unselected candidate cut short: not an error of the model. */
      cancelled: boolean;
    }
  | { type: "plan-ready"; technique: CbtTechnique | null; techniqueRaw: string; plan: string }
  | {
      type: "selection-made";
      roundIndex: number;
      techniques: SpecialistTechnique[];
      rationale: string | null;
      /** The answer named no technique; all five were used. */
      fallback: boolean;
    }
  /** The round waits for a person at `point` (step mode, or the seat a person holds). */
  | { type: "steering-awaited"; roundIndex: number; point: PausePoint; seat: Seat }
  | {
      type: "steering-applied";
      roundIndex: number;
      point: PausePoint;
      /** What the person changed; null: they let the agents' value stand. */
      kind: InterventionKind | null;
      /** The new techniques or text (null when nothing changed). */
      value: SpecialistTechnique[] | string | null;
      by: string;
      /** The stored Intervention, when the person changed something. */
      interventionId?: string;
    }
  /** A person had one output of the waiting round made again; the round still waits. */
  | {
      type: "output-regenerated";
      roundIndex: number;
      output: RegenerableOutput;
      value: SpecialistTechnique[] | string;
      /** The round's outputs made from an old value since. */
      stale: RegenerableOutput[];
      by: string;
      /** The stored Intervention. */
      interventionId: string;
    }
  | { type: "round-completed"; round: RoundRecord }
  | { type: "session-ended"; status: SessionStatus; reason: string };

export type PipelineEvent = PipelineEventBody & {
  sessionId: string;
  /** Increases by one per event within a run; pass `firstSeq` to continue a previous run's numbering. */
  seq: number;
  /** Milliseconds since the epoch. */
  timestamp: number;
};

export type PipelineEventType = PipelineEvent["type"];
export type EventOf<T extends PipelineEventType> = Extract<PipelineEvent, { type: T }>;
export type EventSink = (event: PipelineEvent) => void;
export type Emit = (body: PipelineEventBody) => void;

/**
 * Stamps bodies with sessionId, seq and timestamp and hands them to the sink. A sink that throws is
 * reported once and never breaks the session.
 */
export function createEmitter(sessionId: string, sink: EventSink | undefined, firstSeq = 1): Emit {
  let seq = firstSeq;
  let reported = false;
  return (body) => {
    const event = { ...body, sessionId, seq: seq++, timestamp: Date.now() } as PipelineEvent;
    try {
      sink?.(event);
    } catch (error) {
      if (!reported) console.error(`Pipeline event sink failed for session ${sessionId}:`, error);
      reported = true;
    }
  };
}
