import { STATUS_LABELS } from "@/components/ui/labels";
import type { LiveSession } from "@/lib/live/live-state";

/**
 * What a screen reader hears while a session runs: the session's status and where the latest round
 * is, announced politely when either changes — never the streamed text itself.
 */
export function StatusAnnouncer({ state }: { state: LiveSession }) {
  const latest = state.rounds.at(-1);
  const round = latest ? ` Round ${latest.index} ${latest.committed ? "stored" : "in progress"}.` : "";
  return (
    <p role="status" className="sr-only" data-testid="status-announcer">
      {`Session ${STATUS_LABELS[state.status].label.toLowerCase()}.${round}`}
    </p>
  );
}
