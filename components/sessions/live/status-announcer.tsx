import { sessionStatusChip } from "@/components/ui/labels";
import { type LiveSession, sessionAwaiting } from "@/lib/live/live-state";

/**
 * What a screen reader hears while a session runs: the session's status (what it waits for, when it
 * waits for a person) and where the latest round is, announced politely when either changes — never
 * the streamed text itself.
 */
export function StatusAnnouncer({ state }: { state: LiveSession }) {
  const latest = state.rounds.at(-1);
  const round = latest ? ` Round ${latest.index} ${latest.committed ? "stored" : "in progress"}.` : "";
  const status = sessionStatusChip(state.status, sessionAwaiting(state)).label.toLowerCase();
  return (
    <p role="status" className="sr-only" data-testid="status-announcer">
      {`Session ${status}.${round}`}
    </p>
  );
}
