import type { AuditAction, AuditTargetType } from "@/lib/auth/schema";
import type { SessionAwaiting } from "@/lib/pipeline/steering";
import type { Tone } from "./badge";

export const ATTITUDE_TONE: Record<string, Tone> = {
  positive: "success",
  neutral: "neutral",
  negative: "danger",
};

export const VARIANT_LABELS: Record<string, string> = {
  magnet: "MAGneT",
  no_planner: "No planner",
  no_selector: "No selector",
  no_planner_no_selector: "No planner, no selector",
  cactus_baseline: "CACTUS baseline",
  psych8k_baseline: "Psych8k baseline",
};

/** The evaluations an experiment runs after generation, by their scales' own abbreviations. */
export const EVALUATION_LABELS: Record<string, string> = {
  ctrs: "CTRS (therapy quality)",
  wai: "WAI (working alliance)",
  panas: "PANAS (client affect)",
  diversity: "Diversity (distinct-n, EAD)",
};

export const STATUS_LABELS: Record<string, { label: string; tone: Tone }> = {
  draft: { label: "Draft", tone: "neutral" },
  running: { label: "Running", tone: "accent" },
  paused: { label: "Paused", tone: "warning" },
  completed: { label: "Completed", tone: "success" },
  ended_by_client: { label: "Ended by client", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  stopped: { label: "Stopped", tone: "warning" },
};

/** What a running session waits for, in the words its status chip shows instead of "Running". */
export const AWAITING_LABELS: Record<SessionAwaiting, string> = {
  selection: "Waiting: choose techniques",
  counselor: "Waiting: review the counselor's reply",
  client: "Waiting: review before the client replies",
  counselor_turn: "Waiting: your counselor turn",
  client_turn: "Waiting: your client turn",
};

/** A session's status chip: a running session that waits for a person says what it waits for. */
export function sessionStatusChip(
  status: string,
  awaiting: SessionAwaiting | null,
): { label: string; tone: Tone } {
  if (status === "running" && awaiting) return { label: AWAITING_LABELS[awaiting], tone: "warning" };
  return STATUS_LABELS[status];
}

/** "1 session", "3 sessions". */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

// One formatter for the whole module: `toLocaleString("en")` builds a new one on every call.
const COUNT_FORMAT = new Intl.NumberFormat("en");

/** A count with thousands separators, e.g. 12,800. */
export function formatCount(value: number): string {
  return COUNT_FORMAT.format(value);
}

export function formatDate(value: string | Date): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return date.toISOString().slice(0, 16).replace("T", " ");
}

/** What each audit entry says was done; a new action fails typecheck until it is named here. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "user.created": "Created a user",
  "user.role_changed": "Changed a user's role",
  "user.deactivated": "Deactivated a user",
  "user.reactivated": "Reactivated a user",
  "session.created": "Created a session",
  "session.stopped": "Stopped a session",
  "session.steered": "Steered a session",
  "prompt.created": "Wrote a prompt version",
  "prompt.activated": "Made a prompt version active",
  "annotation_queue.created": "Created an annotation queue",
  "experiment.created": "Created an experiment",
  "experiment.paused": "Paused an experiment",
  "experiment.resumed": "Resumed an experiment",
  "experiment.cancelled": "Cancelled an experiment",
};

export const AUDIT_TARGET_LABELS: Record<AuditTargetType, string> = {
  user: "User",
  session: "Session",
  prompt: "Prompt version",
  annotation_queue: "Annotation queue",
  experiment: "Experiment",
};
