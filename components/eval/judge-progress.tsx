"use client";

import { useSessionStream } from "@/components/sessions/live/use-session-stream";
import { roleLabel } from "@/components/ui/agent-labels";
import { emptyLiveSession, isJudgeCall, type LiveCall } from "@/lib/live/live-state";

/**
 * The judge's calls on this session as they stream while this page judges it: counts so far and the
 * answers being written right now. They travel the session's own stream, like the agents' calls.
 */
export function JudgeProgress({ sessionId, active }: { sessionId: string; active: boolean }) {
  // Only the judge calls of this state are read; variant and round count do not matter here.
  const { state, status } = useSessionStream(emptyLiveSession(sessionId, "magnet", 0), active);
  if (!active) return null;
  const calls = Object.values(state.calls).filter(isJudgeCall);
  const running = calls.filter((c) => c.status === "running");
  const finished = calls.filter((c) => c.status === "succeeded").length;
  const failed = calls.filter((c) => c.status === "failed").length;
  return (
    <section aria-label="Judging in progress" data-testid="judge-progress" className="flex flex-col gap-3">
      <p className="text-sm" aria-live="polite">
        {status === "connecting" ? "Connecting to the judge's stream…" : null}
        {status !== "connecting" ? (
          <>
            <strong>{finished}</strong> judge calls answered · <strong>{running.length}</strong> writing
            {failed ? (
              <>
                {" "}
                · <span className="text-danger">{failed} failed attempt(s)</span>
              </>
            ) : null}
          </>
        ) : null}
      </p>
      {running.length ? (
        <ul className="grid gap-2 md:grid-cols-2">
          {running.slice(0, 6).map((call) => (
            <JudgeCallCard key={call.id} call={call} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function JudgeCallCard({ call }: { call: LiveCall }) {
  return (
    <li className="rounded-md border border-border bg-surface-muted p-3 text-sm">
      <p className="mb-1 text-xs text-fg-muted">
        {roleLabel(call.role)} · {call.modelId}
        {call.attempt > 1 ? ` · attempt ${call.attempt}` : ""}
      </p>
      <p className="line-clamp-4 whitespace-pre-wrap">
        {call.text || <span className="text-fg-muted">Waiting for the first words…</span>}
        <span className="ml-0.5 animate-pulse text-accent">▍</span>
      </p>
    </li>
  );
}
