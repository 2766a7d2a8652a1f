import type { InterventionRecord, SessionAwaiting } from "./steering";
import type { AgentCallRecord, PlanRecord, RoundRecord, SessionStatus } from "./types";

export interface SessionProgress {
  plan: PlanRecord | null;
  /** Committed rounds in order; a resumed session continues after the last one. */
  rounds: RoundRecord[];
}

export interface StatusUpdate {
  status: SessionStatus;
  /** Why the session ended or failed, in words for the UI. */
  reason?: string;
  error?: string;
}

/**
 * Where the engine persists a session. Every method is awaited: a call's record is written when the
 * call (attempt) finishes, a round only once all of its calls are written.
 */
export interface SessionStore {
  loadProgress(sessionId: string): Promise<SessionProgress>;
  /** Every attempt, whatever its status, including background candidates that were not selected. */
  saveAgentCall(record: AgentCallRecord): Promise<void>;
  savePlan(plan: PlanRecord): Promise<void>;
  /** Atomically: the round and the session's counters (roundCount, tokens). Index is rounds.length + 1. */
  commitRound(round: RoundRecord): Promise<void>;
  /** Also clears what the session waits for: a run that changes its status no longer waits. */
  setStatus(sessionId: string, update: StatusUpdate): Promise<void>;
  /**
   * What the running session waits for a person to do, set when a round starts waiting and cleared
   * (null) when it is answered, so that every list shows it, whichever process runs the session.
   */
  setAwaiting(sessionId: string, awaiting: SessionAwaiting | null): Promise<void>;
  /** A person's change to a round, when it is made (before the round is committed); returns its id. */
  saveIntervention(record: InterventionRecord): Promise<string>;
}
