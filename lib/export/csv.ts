import { SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import { describeDepartures } from "@/lib/sessions/config";
import type { ExportSession } from "./records";

// One CSV row per round: the five candidates, the selection, the fused reply, the client's reply, the
// marks of people's interventions (edits, seat held, selection overridden) and the session's scores, with the session's method (variant and departures) on every row.

export interface SessionScores {
  /** Mean over items and runs of each scale the session was judged on; null where not judged. */
  ctrs: number | null;
  wai: number | null;
  judgeModel: string | null;
  simulated: boolean;
}

export const CSV_COLUMNS = [
  "session_id",
  "session_number",
  "variant",
  "method",
  "source",
  "status",
  "client",
  "attitude",
  "technique",
  "round",
  ...SPECIALIST_TECHNIQUES.map((t) => `candidate_${t}`),
  "selected_techniques",
  "selection_rationale",
  "counselor_reply",
  "client_reply",
  "ended_by_client",
  "counselor_edited",
  "original_counselor_reply",
  "client_edited",
  "original_client_reply",
  "seat",
  "selection_overridden",
  "original_selected_techniques",
  "ctrs_mean",
  "wai_mean",
  "judge_model",
  "scores_simulated",
] as const;

export function csvLine(values: readonly (string | number | boolean | null)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The method switches a session ran with, from its stored config; "as published" when none. */
export function methodOf(config: unknown): string {
  const departures = describeDepartures(config);
  return departures.length ? departures.join("; ") : "as published";
}

export function csvRows(
  session: ExportSession,
  candidates: Map<string, string>,
  scores: SessionScores,
): string[] {
  const method = methodOf(session.config);
  return session.rounds.map((round) =>
    csvLine([
      session.id,
      session.sessionNumber,
      session.variant,
      method,
      session.source,
      session.status,
      session.profile.name,
      session.profile.attitude,
      session.technique ?? session.techniqueRaw,
      round.index,
      ...SPECIALIST_TECHNIQUES.map((t) => candidates.get(`${round.index}:specialist:${t}`) ?? null),
      round.selectedTechniques.join("; "),
      round.selectionRationale,
      round.counselorReply,
      round.clientReply,
      round.endedByClient,
      round.counselorEdited,
      round.originalCounselorReply,
      round.clientEdited,
      round.originalClientReply,
      round.seat,
      round.selectionOverridden,
      round.selectionOverridden ? round.originalSelectedTechniques.join("; ") : null,
      scores.ctrs,
      scores.wai,
      scores.judgeModel,
      scores.judgeModel === null ? null : scores.simulated,
    ]),
  );
}
