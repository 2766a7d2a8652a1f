"use client";

import { type UseMutationResult, useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/components/ui/fetch-json";
import type { SessionStatus } from "@/lib/pipeline/types";

export type SessionAction = "next-round" | "to-end" | "pause" | "stop";
export type SessionActionMutation = UseMutationResult<unknown, Error, SessionAction>;

const FINISHED: SessionStatus[] = ["completed", "ended_by_client"];

/** The requests behind the controls; generation itself runs on the server. */
export function useSessionAction(sessionId: string): SessionActionMutation {
  return useMutation({
    mutationFn: (kind: SessionAction) =>
      kind === "pause" || kind === "stop"
        ? fetchJson(`/api/sessions/${sessionId}/${kind}`, { method: "POST" })
        : fetchJson(`/api/sessions/${sessionId}/run`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ mode: kind }),
          }),
  });
}

/** Run next round, run to the end, pause after this round, stop. */
export function SessionControls({
  action,
  status,
}: {
  action: SessionActionMutation;
  status: SessionStatus;
}) {
  if (FINISHED.includes(status)) return null;
  // A run whose process died still says `running` until the page hears otherwise; when Stop or Pause
  // finds nothing running, the session is resumable, so offer that instead of the dead buttons.
  const orphaned = status === "running" && action.isError && /not running/.test(action.error.message);
  const running = status === "running" && !orphaned;
  const resumable = orphaned || status === "failed" || status === "stopped";
  const busy = action.isPending;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2" data-testid="session-controls">
        {running ? (
          <>
            <Button onClick={() => action.mutate("pause")} disabled={busy}>
              Pause after this round
            </Button>
            <Button variant="danger" onClick={() => action.mutate("stop")} disabled={busy}>
              Stop
            </Button>
          </>
        ) : (
          <>
            <Button onClick={() => action.mutate("next-round")} disabled={busy}>
              {status === "failed" ? "Retry the round" : "Run next round"}
            </Button>
            <Button
              variant="primary"
              onClick={() => action.mutate("to-end")}
              disabled={busy}
              data-testid={resumable ? "session-resume" : undefined}
            >
              {resumable ? "Resume to the end" : "Run to the end"}
            </Button>
          </>
        )}
      </div>
      {action.error ? (
        <p role="alert" className="max-w-md text-right text-xs text-danger" data-testid="control-error">
          {action.error.message}
        </p>
      ) : null}
    </div>
  );
}
