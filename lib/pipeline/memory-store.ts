import { AppError } from "@/lib/errors";
import type { InterventionRecord, SessionAwaiting } from "./steering";
import type { SessionProgress, SessionStore, StatusUpdate } from "./store";
import type { AgentCallRecord, PlanRecord, RoundRecord } from "./types";

interface SessionData {
  plan: PlanRecord | null;
  rounds: RoundRecord[];
  calls: AgentCallRecord[];
  statuses: StatusUpdate[];
  interventions: InterventionRecord[];
  awaiting: SessionAwaiting | null;
}

/** A SessionStore in memory, for tests and scripts. */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, SessionData>();

  session(sessionId: string): SessionData {
    let data = this.sessions.get(sessionId);
    if (!data) {
      data = { plan: null, rounds: [], calls: [], statuses: [], interventions: [], awaiting: null };
      this.sessions.set(sessionId, data);
    }
    return data;
  }

  async loadProgress(sessionId: string): Promise<SessionProgress> {
    const { plan, rounds } = this.session(sessionId);
    return { plan, rounds: [...rounds] };
  }

  async saveAgentCall(record: AgentCallRecord): Promise<void> {
    this.session(record.sessionId).calls.push(record);
  }

  async savePlan(plan: PlanRecord): Promise<void> {
    this.session(plan.sessionId).plan = plan;
  }

  async commitRound(round: RoundRecord): Promise<void> {
    const { rounds } = this.session(round.sessionId);
    if (round.index !== rounds.length + 1) {
      throw new AppError("conflict", `Round ${round.index} of session ${round.sessionId} is out of order`, [
        { field: "index", message: `expected ${rounds.length + 1}` },
      ]);
    }
    rounds.push(round);
  }

  async setStatus(sessionId: string, update: StatusUpdate): Promise<void> {
    const data = this.session(sessionId);
    data.statuses.push(update);
    data.awaiting = null;
  }

  async setAwaiting(sessionId: string, awaiting: SessionAwaiting | null): Promise<void> {
    this.session(sessionId).awaiting = awaiting;
  }

  async saveIntervention(record: InterventionRecord): Promise<string> {
    const { interventions } = this.session(record.sessionId);
    interventions.push(record);
    return `intervention-${interventions.length}`;
  }

  status(sessionId: string): StatusUpdate | undefined {
    return this.session(sessionId).statuses.at(-1);
  }
}
