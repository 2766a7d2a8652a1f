"use client";

import { memo, useContext, useMemo, useState } from "react";
import { ForkButton } from "@/components/sessions/branches/fork-button";
import { SPEAKER_COLUMN } from "@/components/sessions/speaker-column";
import { RoundInterventions } from "@/components/sessions/steering/intervention-log";
import { RegenerateButton, RerunStale } from "@/components/sessions/steering/regenerate";
import { ClientSteer, type CounselorDraft, CounselorSteer } from "@/components/sessions/steering/reply-steer";
import { SelectionSteer } from "@/components/sessions/steering/selection-steer";
import { OriginalText, SteeringBadges } from "@/components/sessions/steering/steering-marks";
import { SteerContext } from "@/components/sessions/steering/use-steer";
import { Badge } from "@/components/ui/badge";
import { textActionClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { SPECIALIST_LABELS, SPECIALIST_TECHNIQUES, type SpecialistTechnique } from "@/lib/cbt/techniques";
import type { LiveCall, LiveRound as Round } from "@/lib/live/live-state";
import { traceProvenance } from "@/lib/sessions/provenance";
import { CallMeta } from "./call-meta";
import { CandidateCard, type CandidateChoice } from "./candidate-card";
import { ProvenanceReply } from "./provenance-reply";
import { RoundTimelineToggle } from "./round-timeline-toggle";
import { StreamingText } from "./streaming-text";

interface Props {
  round: Round;
  /** The latest attempt of each call of the round. */
  calls: LiveCall[];
  /** The variant has specialist agents (not a single-counselor baseline). */
  hasSpecialists: boolean;
  candidatesRecorded: boolean;
  /** The viewer may fork this (generated) session. */
  canFork: boolean;
  /** Without it (the replay) there is no inspector to open. */
  onInspect?: (callId: string) => void;
  /** Offered on failed calls while the session is failed. */
  onRetry?: () => void;
}

export const LiveRound = memo(function LiveRound({
  round,
  calls,
  hasSpecialists,
  candidatesRecorded,
  canFork,
  onInspect,
  onRetry,
}: Props) {
  const byRole = useMemo(() => new Map(calls.map((call) => [call.role, call])), [calls]);
  const counselor = byRole.get("fuser") ?? byRole.get("counselor:cactus") ?? byRole.get("counselor:psych8k");
  const client = byRole.get("client");
  const selector = byRole.get("selector");
  const fused = round.counselorReply ?? (counselor?.status === "succeeded" ? counselor.text : null);
  const [active, setActive] = useState<number | null>(null);
  const spans = useSpans(fused, byRole, active);
  const canSteer = useContext(SteerContext) !== null;
  const awaiting = canSteer ? round.awaiting : null;
  const writing = awaiting?.point === "counselor";
  const draft = useCounselorDraft(
    writing ? `${round.index}:${awaiting.seat}` : null,
    awaiting?.seat === "counselor" ? "" : (fused ?? ""),
  );
  const onInsert = useMemo(
    () =>
      writing && awaiting?.seat === "counselor"
        ? (technique: SpecialistTechnique, text: string) =>
            draft.set({
              text: draft.value.text ? `${draft.value.text.trimEnd()} ${text}` : text,
              inserted: [...draft.value.inserted, technique],
            })
        : undefined,
    [writing, awaiting?.seat, draft],
  );

  return (
    <li
      id={`round-${round.index}`}
      className="scroll-mt-6 rounded-lg border border-border bg-surface-raised p-4"
      data-testid="round"
    >
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 className="text-sm font-semibold">Round {round.index}</h2>
        {round.committed ? <Badge tone="success">Stored</Badge> : <Badge tone="accent">In progress</Badge>}
        {round.endedByClient ? <Badge tone="warning">Client ended the session</Badge> : null}
        {round.committed && canFork ? <ForkButton round={round.index} ended={round.endedByClient} /> : null}
        <SteeringBadges steering={round.steering} />
        <RerunStale roundIndex={round.index} stale={round.stale} />
      </div>
      <RoundInterventions roundIndex={round.index} />
      {hasSpecialists && candidatesRecorded ? (
        <Candidates
          round={round}
          byRole={byRole}
          spans={spans}
          onInspect={onInspect}
          onRetry={onRetry}
          onInsert={onInsert}
        />
      ) : null}
      {candidatesRecorded && (round.selection || selector) ? (
        <SelectionLine round={round} selector={selector} onInspect={onInspect} />
      ) : null}
      {awaiting?.point === "selection" ? (
        <SelectionSteer roundIndex={round.index} chosen={round.selection?.techniques ?? []} />
      ) : null}
      <Turn
        speaker="Counselor"
        testId="fused-reply"
        call={counselor}
        onInspect={onInspect}
        onRetry={onRetry}
        stale={round.stale.includes("counselor")}
        regenerate={<RegenerateButton roundIndex={round.index} output="counselor" what="counselor's reply" />}
      >
        {writing ? null : fused ? (
          <ProvenanceReply text={fused} activeIndex={active} onSentenceHover={setActive} />
        ) : (
          <StreamingText
            call={counselor}
            waiting={counselorWaiting(round, awaiting?.point === "selection", hasSpecialists)}
          />
        )}
        {writing && awaiting ? (
          <CounselorSteer
            roundIndex={round.index}
            seat={awaiting.seat}
            draft={draft.value}
            onDraft={draft.set}
          />
        ) : null}
        <OriginalText
          label="The fuser's original reply"
          text={round.steering?.originalCounselorReply ?? null}
        />
      </Turn>
      <Turn
        speaker="Client"
        testId="client-reply"
        call={client}
        onInspect={onInspect}
        onRetry={onRetry}
        stale={round.stale.includes("client")}
        regenerate={<RegenerateButton roundIndex={round.index} output="client" what="client's reply" />}
      >
        {round.clientReply !== null ? (
          <span className="prose-clinical font-serif">{round.clientReply}</span>
        ) : awaiting?.point === "client" ? (
          <ClientSteer roundIndex={round.index} seat={awaiting.seat} />
        ) : (
          <StreamingText call={client} waiting="Waiting for the counselor…" />
        )}
      </Turn>
      {candidatesRecorded && onInspect ? (
        <RoundTimelineToggle roundIndex={round.index} calls={calls} onInspect={onInspect} />
      ) : null}
    </li>
  );
}, sameRound);

function sameRound(a: Props, b: Props): boolean {
  return (
    a.round === b.round &&
    a.hasSpecialists === b.hasSpecialists &&
    a.candidatesRecorded === b.candidatesRecorded &&
    a.onInspect === b.onInspect &&
    a.onRetry === b.onRetry &&
    a.calls.length === b.calls.length &&
    a.calls.every((call, i) => call === b.calls[i])
  );
}

/**
 * The five candidates: side by side on wide screens; below that a row to swipe through, the chosen
 * ones first, each card wide enough to read.
 */
function Candidates({
  round,
  byRole,
  spans,
  onInspect,
  onRetry,
  onInsert,
}: {
  round: Round;
  byRole: Map<string, LiveCall>;
  spans: Map<string, [number, number][]>;
  onInspect?: (callId: string) => void;
  onRetry?: () => void;
  /** In the counselor's seat: puts a suggestion into the person's reply. */
  onInsert?: (technique: SpecialistTechnique, text: string) => void;
}) {
  return (
    <div
      className="-mx-4 mb-3 flex snap-x snap-mandatory scroll-px-4 gap-2 overflow-x-auto px-4 pb-2 xl:mx-0 xl:grid xl:grid-cols-5 xl:overflow-visible xl:px-0 xl:pb-0"
      data-testid="candidates"
    >
      {SPECIALIST_TECHNIQUES.map((technique) => (
        <CandidateCard
          key={technique}
          label={SPECIALIST_LABELS[technique]}
          call={byRole.get(`specialist:${technique}`)}
          choice={choiceOf(round, technique)}
          spans={spans.get(`specialist:${technique}`)}
          onInspect={onInspect}
          onRetry={onRetry}
          onInsert={onInsert && ((text: string) => onInsert(technique, text))}
          regenerate={
            <RegenerateButton
              roundIndex={round.index}
              output={`candidate:${technique}`}
              what={`${SPECIALIST_LABELS[technique]} candidate`}
            />
          }
        />
      ))}
    </div>
  );
}

/** The person's counselor reply while a round waits for it; a new pause starts from `initial`. */
function useCounselorDraft(pause: string | null, initial: string) {
  const [draft, setDraft] = useState<{ pause: string | null; value: CounselorDraft } | null>(null);
  return useMemo(() => {
    const value = draft && draft.pause === pause ? draft.value : { text: initial, inserted: [] };
    return { value, set: (next: CounselorDraft) => setDraft({ pause, value: next }) };
  }, [draft, pause, initial]);
}

function choiceOf(round: Round, technique: SpecialistTechnique): CandidateChoice {
  if (!round.selection) return "pending";
  return round.selection.techniques.includes(technique) ? "selected" : "unselected";
}

/** Candidate passages the hovered sentence of the fused reply drew on, by role. */
function useSpans(fused: string | null, byRole: Map<string, LiveCall>, active: number | null) {
  const candidates = SPECIALIST_TECHNIQUES.map((t) => byRole.get(`specialist:${t}`)).filter(
    (call): call is LiveCall => call?.status === "succeeded",
  );
  // A finished call's text changes only when it arrives after the page (see live-compact.ts).
  const key = candidates.map((c) => `${c.id}:${c.text.length}`).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the candidates are identified by `key`
  const traced = useMemo(
    () =>
      fused
        ? traceProvenance(
            fused,
            candidates.map((c) => ({ key: c.role, text: c.text })),
          )
        : [],
    [fused, key],
  );
  const spans = new Map<string, [number, number][]>();
  if (active === null) return spans;
  for (const source of traced[active]?.sources ?? []) spans.set(source.key, source.spans);
  return spans;
}

/** What the counselor's turn says before its reply streams: whom or what the round waits for. */
function counselorWaiting(round: Round, awaitingSelection: boolean, hasSpecialists: boolean): string {
  if (awaitingSelection) return "Waiting for your choice of techniques above…";
  if (round.steering?.seat === "counselor") return "Waiting for the five suggestions…";
  return hasSpecialists ? "Waiting for the selected candidates…" : "Waiting…";
}

function SelectionLine({
  round,
  selector,
  onInspect,
}: {
  round: Round;
  selector: LiveCall | undefined;
  onInspect?: (id: string) => void;
}) {
  const selection = round.selection;
  return (
    <div className="mb-3 flex flex-wrap items-baseline gap-2 text-sm" data-testid="selection">
      <span className="text-xs font-semibold uppercase tracking-wide text-fg-muted">Selector</span>
      {selection ? (
        selection.techniques.map((t) => (
          <Badge key={t} tone="accent">
            {SPECIALIST_LABELS[t as SpecialistTechnique] ?? t}
          </Badge>
        ))
      ) : (
        <span className="text-fg-muted">choosing…</span>
      )}
      {selection?.fallback ? <Badge tone="warning">No technique named: all five used</Badge> : null}
      {selector && onInspect ? (
        <button type="button" className={textActionClass()} onClick={() => onInspect(selector.id)}>
          inspect
        </button>
      ) : null}
      {selector ? <RegenerateButton roundIndex={round.index} output="selection" what="selection" /> : null}
      {/* Its own line: a dash-led sentence after the badges dangled at a line start when it wrapped. */}
      {selection?.rationale ? (
        <p className="basis-full text-fg-muted" data-testid="selection-rationale">
          {selection.rationale}
        </p>
      ) : null}
    </div>
  );
}

function Turn({
  speaker,
  testId,
  call,
  onInspect,
  onRetry,
  stale,
  regenerate,
  children,
}: {
  speaker: string;
  testId: string;
  call: LiveCall | undefined;
  onInspect?: (id: string) => void;
  onRetry?: () => void;
  /** Made from an output regenerated since. */
  stale?: boolean;
  regenerate?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="mt-3 flex flex-col gap-1 sm:flex-row sm:gap-3" data-testid={testId}>
      <div
        className={cn("flex shrink-0 items-baseline gap-3 sm:block", SPEAKER_COLUMN)}
        data-testid="speaker-column"
      >
        <span className="text-xs font-semibold uppercase tracking-wide text-accent">{speaker}</span>
        {call && onInspect ? (
          <button
            type="button"
            className={textActionClass("block")}
            onClick={() => onInspect(call.id)}
            aria-label={`Inspect the ${speaker.toLowerCase()} call`}
          >
            inspect
          </button>
        ) : null}
        {regenerate}
        {stale ? (
          <span className="block text-[11px] font-medium text-fg" data-testid="stale-mark">
            stale
          </span>
        ) : null}
      </div>
      <div className="min-w-0 flex-1">
        {children}
        {call && call.status !== "running" ? <CallMeta call={call} /> : null}
        {call?.status === "failed" && onRetry ? (
          <button type="button" onClick={onRetry} className={textActionClass("mt-1")}>
            Retry this round
          </button>
        ) : null}
      </div>
    </div>
  );
}
