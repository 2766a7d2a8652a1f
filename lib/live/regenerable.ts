// Which outputs of which round a person may have made again, as the live view knows the session.
// Client-safe: the session page offers a "regenerate" button exactly where the server would accept it.

import { SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import type { RegenerableOutput } from "@/lib/pipeline/steering";
import { COUNSELOR_ROLES, type LiveCall, type LiveSession, latestAttempts } from "./live-state";

export interface RegenerableRound {
  roundIndex: number;
  outputs: RegenerableOutput[];
}

/**
 * The last stored round while nothing runs the session (every output it has), or the round that
 * waits for a person while it runs (what it has written so far, never the client's reply, which
 * comes after the last pause). Null: nothing can be regenerated now.
 */
export function regenerableRound(state: LiveSession): RegenerableRound | null {
  if (state.status === "draft") return null;
  if (state.status === "running") {
    const waiting = state.rounds.find((round) => round.awaiting && !round.committed);
    if (!waiting?.awaiting) return null;
    const calls = latestAttempts(state, waiting.callIds);
    const outputs = writtenOutputs(calls).filter(
      (output) => output !== "counselor" || waiting.awaiting?.seat !== "counselor",
    );
    return { roundIndex: waiting.index, outputs };
  }
  const last = state.rounds.at(-1);
  if (!last?.committed) return null;
  const calls = latestAttempts(state, last.callIds);
  return { roundIndex: last.index, outputs: [...writtenOutputs(calls), "client"] };
}

/** The outputs whose latest call has ended (a failed candidate may be made again; a running one not). */
function writtenOutputs(calls: LiveCall[]): RegenerableOutput[] {
  const ended = (role: string) => calls.some((c) => c.role === role && c.status !== "running");
  const outputs: RegenerableOutput[] = [];
  for (const technique of SPECIALIST_TECHNIQUES) {
    if (ended(`specialist:${technique}`)) outputs.push(`candidate:${technique}`);
  }
  if (calls.some((c) => c.role === "selector" && c.status === "succeeded")) outputs.push("selection");
  if (calls.some((c) => COUNSELOR_ROLES.includes(c.role) && c.status === "succeeded"))
    outputs.push("counselor");
  return outputs;
}
