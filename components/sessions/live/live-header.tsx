import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ATTITUDE_TONE, formatCount, sessionStatusChip, VARIANT_LABELS } from "@/components/ui/labels";
import { type LiveSession, sessionAwaiting } from "@/lib/live/live-state";
import { type SessionActionMutation, SessionControls } from "./session-controls";
import type { StreamStatus } from "./use-session-stream";

export interface SessionSummary {
  profile: {
    id: string;
    name: string;
    attitude: "positive" | "neutral" | "negative";
    presentingProblem: string;
  };
  models: string;
  /** Departures from the published method, as labels; empty for the paper's method. */
  departures: string[];
  offline: boolean;
  source: "generated" | "imported";
  /** Whether the viewer may run, pause and stop it (the server checks again). */
  canControl: boolean;
  /** Where the session stands in its client's course of sessions, when it has one. */
  course?: { position: number; total: number };
}

export function LiveHeader({
  state,
  summary,
  stream,
  action,
}: {
  state: LiveSession;
  summary: SessionSummary;
  stream: StreamStatus;
  action: SessionActionMutation;
}) {
  const status = sessionStatusChip(state.status, sessionAwaiting(state));
  return (
    <header className="mb-6">
      <Link href="/sessions" className="text-xs text-fg-muted hover:text-fg">
        ← Sessions
      </Link>
      <div className="mt-1 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-xl font-semibold tracking-tight">
              <Link href={`/profiles/${summary.profile.id}`} className="hover:underline">
                {summary.profile.name}
              </Link>
            </h1>
            <Badge tone={ATTITUDE_TONE[summary.profile.attitude]}>{summary.profile.attitude}</Badge>
            <Badge tone={status.tone}>
              <span data-testid="session-status">{status.label}</span>
            </Badge>
            <Badge tone="accent">{VARIANT_LABELS[state.variant]}</Badge>
            {summary.source === "imported" ? <Badge>Imported</Badge> : null}
            {summary.departures.map((departure) => (
              <Badge key={departure} tone="warning" title="A departure from the published MAGneT method">
                <span data-testid="departure">{departure}</span>
              </Badge>
            ))}
            {summary.offline ? (
              <Badge
                tone="warning"
                title="Text written by the built-in offline simulator, not a language model"
              >
                Offline simulator
              </Badge>
            ) : null}
            {stream === "reconnecting" ? <Badge tone="warning">Reconnecting…</Badge> : null}
          </div>
          {summary.course ? (
            <p className="mt-1 text-sm font-medium" data-testid="course-line">
              Session {summary.course.position} of {summary.course.total} for this client
            </p>
          ) : null}
          <p className="mt-2 max-w-3xl text-sm text-fg-muted">{summary.profile.presentingProblem}</p>
        </div>
        {summary.source === "generated" && summary.canControl ? (
          <SessionControls action={action} status={state.status} />
        ) : null}
      </div>
      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-xs text-fg-muted">
        <Fact label="Rounds">
          <span data-testid="round-count">
            {state.roundCount} / {state.maxRounds}
          </span>
        </Fact>
        <Fact label="Models">{summary.models}</Fact>
        <Fact label="Tokens">
          {formatCount(state.tokensIn)} in · {formatCount(state.tokensOut)} out
        </Fact>
        {state.statusReason ? (
          <Fact label={state.status === "failed" ? "Failed" : "Last"}>
            <span
              className={state.status === "failed" ? "text-danger" : undefined}
              role={state.status === "failed" ? "alert" : undefined}
            >
              {state.statusReason}
            </span>
          </Fact>
        ) : null}
      </dl>
    </header>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="inline">{label}: </dt>
      <dd className="inline tabular-nums text-fg">{children}</dd>
    </div>
  );
}
