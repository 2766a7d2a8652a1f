"use client";

import { type ReactNode, useCallback, useMemo, useState } from "react";
import { ForkContext } from "@/components/sessions/branches/fork-button";
import { RoundNavigator } from "@/components/sessions/round-navigator";
import { type InterventionItem, InterventionsContext } from "@/components/sessions/steering/intervention-log";
import { RegenerableRoundContext } from "@/components/sessions/steering/regenerate";
import { SteeringSettingsPanel } from "@/components/sessions/steering/steering-settings";
import { SteerContext } from "@/components/sessions/steering/use-steer";
import { Utterance } from "@/components/sessions/utterance";
import { SharePanel } from "@/components/share/share-panel";
import { cn } from "@/components/ui/cn";
import { type CompactSession, expandLiveSession } from "@/lib/live/live-compact";
import { latestAttempts } from "@/lib/live/live-state";
import { pipelineDiagram } from "@/lib/live/pipeline-diagram";
import { regenerableRound } from "@/lib/live/regenerable";
import type { SteeringSettings } from "@/lib/pipeline/steering";
import { CallInspector } from "./call-inspector";
import { LiveHeader, type SessionSummary } from "./live-header";
import { LivePlan } from "./live-plan";
import { LiveRounds } from "./live-rounds";
import { PipelineDiagram } from "./pipeline-diagram";
import { useSessionAction } from "./session-controls";
import { SessionIdContext } from "./session-id-context";
import { StatusAnnouncer } from "./status-announcer";
import { Transcript } from "./transcript";
import { useSessionStream } from "./use-session-stream";

const BASELINES = ["cactus_baseline", "psych8k_baseline"];
const NONE: InterventionItem[] = [];

export function LiveSessionView({
  initial,
  summary,
  opening,
  branches,
  steering,
  interventions = NONE,
}: {
  /** Compact, so that the page's HTML stays small (see live-compact.ts). */
  initial: CompactSession;
  summary: SessionSummary;
  opening: { counselor: string; client: string };
  /** The fork tree, when the session has a parent or forks. */
  branches?: ReactNode;
  /** The session's step mode and seat. */
  steering: SteeringSettings;
  /** Who changed what, as stored when the page loaded. */
  interventions?: InterventionItem[];
}) {
  const [expanded] = useState(() => expandLiveSession(initial));
  const { state, status } = useSessionStream(expanded, summary.source === "generated");
  const [view, setView] = useState<"rounds" | "transcript">("rounds");
  const [inspected, setInspected] = useState<string | null>(null);
  const inspect = useCallback((callId: string) => setInspected(callId), []);
  const action = useSessionAction(expanded.id);
  const { mutate } = action;
  const failed = state.status === "failed";
  // A failed call offers to play its round again (the session resumes after its last stored round).
  const retry = useMemo(() => (failed ? () => mutate("next-round") : undefined), [failed, mutate]);
  const planCall = latestAttempts(state, state.planCallIds)[0];
  const hasSpecialists = !BASELINES.includes(state.variant);
  const candidatesRecorded = summary.source === "generated";
  const diagram = useMemo(() => pipelineDiagram(state), [state]);
  const fork = useMemo(
    () => (candidatesRecorded ? { sessionId: expanded.id, maxRounds: state.maxRounds } : null),
    [candidatesRecorded, expanded.id, state.maxRounds],
  );

  const canSteer = summary.canControl && candidatesRecorded;
  const finished = state.status === "completed" || state.status === "ended_by_client";
  // What can be made again now: the last stored round's outputs while nothing runs the session, or
  // what the round waiting for a person has written.
  // Every streamed token makes a new state: the context keeps its value until what can be regenerated
  // changes, so the buttons do not render again per token.
  const current = canSteer ? regenerableRound(state) : null;
  const regenerableKey = current ? `${current.roundIndex}:${current.outputs.join()}` : "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: `current` is identified by its key
  const regenerable = useMemo(() => current, [regenerableKey]);
  // Stored when the page loaded, then heard live (a reconnect may hear a stored one again).
  const allInterventions = useMemo(() => {
    const stored = new Set(interventions.map((item) => item.id));
    return [...interventions, ...state.interventions.filter((item) => !stored.has(item.id))];
  }, [interventions, state.interventions]);

  return (
    <SessionIdContext value={expanded.id}>
      <SteerContext value={canSteer ? expanded.id : null}>
        <RegenerableRoundContext value={regenerable}>
          <InterventionsContext value={allInterventions}>
            <ForkContext value={fork}>
              <div className="flex gap-6">
                <div className="min-w-0 flex-1">
                  <LiveHeader state={state} summary={summary} stream={status} action={action} />
                  <StatusAnnouncer state={state} />
                  {summary.canControl ? <SharePanel sessionId={expanded.id} /> : null}
                  {canSteer && !finished ? (
                    <SteeringSettingsPanel sessionId={expanded.id} initial={steering} />
                  ) : null}
                  {candidatesRecorded ? <PipelineDiagram diagram={diagram} /> : null}
                  <LivePlan plan={state.plan} call={planCall} onInspect={inspect} onRetry={retry} />
                  {branches}
                  {candidatesRecorded ? null : (
                    <p
                      className="mb-4 rounded-md border border-border bg-surface-muted px-3 py-2 text-sm text-fg-muted"
                      data-testid="imported-note"
                    >
                      Imported session: its source did not record the five candidate replies or the
                      selector&apos;s choices, so each round shows only the dialogue.
                    </p>
                  )}
                  <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
                    <ViewSwitch view={view} onChange={setView} />
                    {view === "rounds" ? <JumpToRound rounds={state.rounds.map((r) => r.index)} /> : null}
                  </div>
                  {view === "transcript" ? (
                    <Transcript
                      openingCounselor={opening.counselor}
                      openingClient={opening.client}
                      rounds={state.rounds}
                    />
                  ) : (
                    <>
                      <section
                        aria-label="Opening exchange"
                        className="mb-6 rounded-lg border border-border bg-surface-raised p-4"
                      >
                        <h2 className="mb-3 text-xs font-semibold uppercase tracking-wide text-fg-muted">
                          Opening exchange
                        </h2>
                        <Utterance speaker="counselor" text={opening.counselor} />
                        <Utterance speaker="client" text={opening.client} />
                      </section>
                      <LiveRounds
                        state={state}
                        hasSpecialists={hasSpecialists}
                        candidatesRecorded={candidatesRecorded}
                        canFork={summary.canControl && summary.source === "generated"}
                        onInspect={inspect}
                        onRetry={retry}
                      />
                    </>
                  )}
                </div>
                <RoundNavigator
                  rounds={state.rounds.map((r) => ({ index: r.index, ended: r.endedByClient }))}
                />
                <CallInspector
                  callId={inspected}
                  onClose={() => setInspected(null)}
                  canOpenPlayground={summary.canControl}
                />
              </div>
            </ForkContext>
          </InterventionsContext>
        </RegenerableRoundContext>
      </SteerContext>
    </SessionIdContext>
  );
}

function ViewSwitch({
  view,
  onChange,
}: {
  view: "rounds" | "transcript";
  onChange: (view: "rounds" | "transcript") => void;
}) {
  return (
    <div
      role="tablist"
      aria-label="View"
      className="inline-flex rounded-md border border-border p-0.5 text-sm"
    >
      {(["rounds", "transcript"] as const).map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={view === name}
          onClick={() => onChange(name)}
          className={cn(
            "rounded px-3 py-1",
            view === name ? "bg-accent-soft text-fg" : "text-fg-muted hover:text-fg",
          )}
        >
          {name === "rounds" ? "Rounds and agents" : "Transcript"}
        </button>
      ))}
    </div>
  );
}

/** The round navigator for every screen width (the side list appears only on wide screens). */
function JumpToRound({ rounds }: { rounds: number[] }) {
  if (rounds.length < 2) return null;
  return (
    <label className="flex items-center gap-2 text-xs text-fg-muted">
      Jump to round
      <select
        className="rounded-md border border-border bg-surface-raised px-2 py-1 text-sm text-fg"
        defaultValue=""
        onChange={(e) =>
          document.getElementById(`round-${e.target.value}`)?.scrollIntoView({ behavior: "smooth" })
        }
      >
        <option value="" disabled>
          —
        </option>
        {rounds.map((index) => (
          <option key={index} value={index}>
            {index}
          </option>
        ))}
      </select>
    </label>
  );
}
