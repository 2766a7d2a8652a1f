import { STATUS_LABELS } from "@/components/ui/labels";
import type { LiveSession } from "@/lib/live/live-state";
import type { PausePoint } from "@/lib/pipeline/steering";

const WAIT_LABELS: Record<PausePoint, string> = {
  selection: "technique selection",
  counselor: "counselor's reply",
  client: "client's reply",
};

/**
 * What a screen reader hears while a session runs: the session's status and where the latest round
 * is, announced politely when either changes — never the streamed text itself.
 */
export function StatusAnnouncer({ state }: { state: LiveSession }) {
  const latest = state.rounds.at(-1);
  const waits = latest?.awaiting ? `, waiting for a person at the ${WAIT_LABELS[latest.awaiting.point]}` : "";
  const round = latest
    ? ` Round ${latest.index} ${latest.committed ? "stored" : "in progress"}${waits}.`
    : "";
  return (
    <p role="status" className="sr-only" data-testid="status-announcer">
      {`Session ${STATUS_LABELS[state.status].label.toLowerCase()}.${round}`}
    </p>
  );
}
