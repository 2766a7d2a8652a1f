import { roleLabel } from "@/components/ui/agent-labels";
import { AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS } from "@/components/ui/labels";
import type { SteeringCommand } from "@/lib/pipeline/steering";

// An audit entry in words: what was done, to what, and its details as "field: value" lines. Keys
// written by a studio this one does not know are shown as they are rather than hidden.

export function auditActionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action)
    ? AUDIT_ACTION_LABELS[action as keyof typeof AUDIT_ACTION_LABELS]
    : action;
}

export function auditTargetLabel(targetType: string): string {
  return Object.hasOwn(AUDIT_TARGET_LABELS, targetType)
    ? AUDIT_TARGET_LABELS[targetType as keyof typeof AUDIT_TARGET_LABELS]
    : targetType;
}

// Pages a target can be opened on (users and prompt versions have none of their own).
const TARGET_PAGES: Record<string, (id: string) => string> = {
  session: (id) => `/sessions/${encodeURIComponent(id)}`,
  experiment: (id) => `/experiments/${encodeURIComponent(id)}`,
  annotation_queue: (id) => `/annotate/${encodeURIComponent(id)}/queue`,
};

/** Where the entry's target opens, or null when it has no page. */
export function auditTargetHref(targetType: string, targetId: string): string | null {
  return Object.hasOwn(TARGET_PAGES, targetType) ? TARGET_PAGES[targetType](targetId) : null;
}

// In the order the lines read (the database keeps a record's keys in its own order).
const FIELD_LABELS: Record<string, string> = {
  from: "From",
  to: "To",
  email: "Email",
  role: "Role",
  version: "Version",
  sessions: "Sessions",
  annotators: "Annotators",
  overlap: "Annotators per session",
  type: "Step",
  roundIndex: "Round",
  output: "Output",
};

const STEERING_LABELS: Record<SteeringCommand["type"], string> = {
  "override-selection": "chose the techniques",
  "write-counselor": "wrote the counselor's reply",
  "write-client": "wrote the client's reply",
  continue: "let the agents continue",
  "run-to-end": "ran the session to its end",
  regenerate: "regenerated an output",
};

export interface AuditDetailLine {
  field: string;
  value: string;
}

/** The details of an entry as lines, e.g. { from: "annotator", to: "viewer" } → From: annotator, To: viewer. */
export function auditDetailLines(action: string, detail: unknown): AuditDetailLine[] {
  if (!detail || typeof detail !== "object" || Array.isArray(detail)) return [];
  return Object.entries(detail)
    .sort(([a], [b]) => fieldOrder(a) - fieldOrder(b))
    .map(([key, value]) => ({ field: FIELD_LABELS[key] ?? key, value: valueText(action, key, value) }));
}

const FIELD_ORDER = Object.keys(FIELD_LABELS);

function fieldOrder(key: string): number {
  const index = FIELD_ORDER.indexOf(key);
  return index === -1 ? FIELD_ORDER.length : index;
}

function valueText(action: string, key: string, value: unknown): string {
  if (typeof value === "string") {
    if (key === "role" && action.startsWith("prompt.")) return roleLabel(value);
    if (key === "type" && Object.hasOwn(STEERING_LABELS, value))
      return STEERING_LABELS[value as keyof typeof STEERING_LABELS];
    if (key === "output" && value.startsWith("candidate:"))
      return `${roleLabel(`specialist:${value.slice("candidate:".length)}`)}'s reply`;
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => valueText(action, key, item)).join(", ");
  if (value === null || value === undefined) return "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
