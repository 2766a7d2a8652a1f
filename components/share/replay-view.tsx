"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { LivePlan } from "@/components/sessions/live/live-plan";
import { LiveRounds } from "@/components/sessions/live/live-rounds";
import { PipelineDiagram } from "@/components/sessions/live/pipeline-diagram";
import { StatusAnnouncer } from "@/components/sessions/live/status-announcer";
import { Utterance } from "@/components/sessions/utterance";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ATTITUDE_TONE, STATUS_LABELS, VARIANT_LABELS } from "@/components/ui/labels";
import { latestAttempts } from "@/lib/live/live-state";
import { pipelineDiagram } from "@/lib/live/pipeline-diagram";
import { VARIANT_SHAPES } from "@/lib/pipeline/variants";
import { buildTimeline, initialReplayState, type ReplayData } from "@/lib/share/timeline";
import { SPEEDS, type Speed, useReplayPlayer } from "./use-replay-player";

/**
 * A stored session played back with the live view's own components, fed by events made from its
 * rows. Nothing here can open an inspector: the page's data has no prompts to show.
 */
export function ReplayView({ data }: { data: ReplayData }) {
  const timeline = useMemo(() => buildTimeline(data), [data]);
  const initial = useMemo(() => initialReplayState(data), [data]);
  const player = useReplayPlayer(timeline, initial);
  const { state } = player;
  const recorded = data.calls.length > 0;
  const hasSpecialists = VARIANT_SHAPES[data.variant].counselor === "multi_agent";
  const planCall = latestAttempts(state, state.planCallIds)[0];
  const diagram = useMemo(() => pipelineDiagram(state), [state]);
  const controls = useRef<HTMLDivElement>(null);
  const [scrollTo, setScrollTo] = useState<number | null>(null);

  // While playing, follow each new round; after a jump, show the round jumped to.
  const latest = state.rounds.at(-1)?.index ?? null;
  const { playing } = player;
  useEffect(() => {
    if (playing && latest !== null) setScrollTo(latest);
  }, [latest, playing]);
  useEffect(() => {
    if (scrollTo === null) return;
    const round = document.getElementById(`round-${scrollTo}`);
    if (!round) return;
    const sticky = controls.current && getComputedStyle(controls.current).position === "sticky";
    const offset = sticky ? (controls.current?.offsetHeight ?? 0) + 12 : 12;
    window.scrollTo({ top: round.getBoundingClientRect().top + window.scrollY - offset, behavior: "smooth" });
    setScrollTo(null);
  }, [scrollTo]);

  const status = STATUS_LABELS[state.status];
  return (
    <div className="mx-auto max-w-6xl" data-testid="replay">
      <header className="mb-4">
        <p className="text-xs font-medium uppercase tracking-wide text-fg-muted">Session replay</p>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <h1 className="text-xl font-semibold tracking-tight">{data.profile.name}</h1>
          <Badge tone={ATTITUDE_TONE[data.profile.attitude]}>{data.profile.attitude} client</Badge>
          <Badge tone="accent">{VARIANT_LABELS[data.variant]}</Badge>
          <Badge tone={status.tone}>
            <span data-testid="session-status">{status.label}</span>
          </Badge>
          {data.models.includes("offline-simulator") ? (
            <Badge
              tone="warning"
              title="Text written by the built-in offline simulator, not a language model"
            >
              Offline simulator
            </Badge>
          ) : null}
          {data.source === "imported" ? <Badge>Imported</Badge> : null}
        </div>
        <p className="mt-2 max-w-3xl text-sm text-fg-muted">
          A synthetic CBT counseling session: every word below was written by agents, and the client is
          simulated. This replay shows the stored session as it was generated; nothing is generated now.
        </p>
        <details className="mt-1 max-w-3xl text-sm">
          <summary className="cursor-pointer text-fg-muted hover:text-fg">
            The client&apos;s presenting problem
          </summary>
          <p className="mt-1" data-testid="presenting-problem">
            {data.profile.presentingProblem}
          </p>
        </details>
      </header>
      <StatusAnnouncer state={state} />
      <div
        ref={controls}
        className="z-20 -mx-4 mb-4 border-y border-border bg-surface px-4 py-3 sm:mx-0 sm:rounded-lg sm:border lg:sticky lg:top-0"
      >
        <Controls
          player={player}
          duration={timeline.duration}
          rounds={data.rounds.map((r) => r.index)}
          current={latest}
          onJump={(index) => {
            player.seek(timeline.roundStarts.get(index) ?? 0);
            setScrollTo(index);
          }}
        />
        {recorded ? <PipelineDiagram diagram={diagram} bare /> : null}
      </div>
      <LivePlan plan={state.plan} call={planCall} />
      {recorded ? null : (
        <p className="mb-4 rounded-md border border-border bg-surface-muted px-3 py-2 text-sm text-fg-muted">
          Imported session: its source did not record the five candidate replies or the selector&apos;s
          choices, so each round shows only the dialogue.
        </p>
      )}
      <section
        aria-label="Opening exchange"
        className="mb-6 rounded-lg border border-border bg-surface-raised p-4"
      >
        <h2 className="mb-3 text-xs font-semibold uppercase tracking-wide text-fg-muted">Opening exchange</h2>
        <Utterance speaker="counselor" text={data.opening.counselor} />
        <Utterance speaker="client" text={data.opening.client} />
      </section>
      {state.rounds.length > 0 ? (
        <LiveRounds
          state={state}
          hasSpecialists={hasSpecialists}
          candidatesRecorded={recorded}
          canFork={false}
        />
      ) : (
        <p className="rounded-lg border border-dashed border-border px-6 py-10 text-center text-sm text-fg-muted">
          {state.plan || planCall ? "Round 1 is about to start…" : "The session is about to start…"}
        </p>
      )}
      {player.ended ? (
        <p className="mt-6 text-center text-sm text-fg-muted" data-testid="replay-ended">
          End of the replay: {state.roundCount} round{state.roundCount === 1 ? "" : "s"}.{" "}
          {state.statusReason ?? ""}
        </p>
      ) : null}
    </div>
  );
}

function Controls({
  player,
  duration,
  rounds,
  current,
  onJump,
}: {
  player: ReturnType<typeof useReplayPlayer>;
  duration: number;
  rounds: number[];
  current: number | null;
  onJump: (index: number) => void;
}) {
  const where = `${current === null ? "Opening" : `Round ${current} of ${rounds.length}`} · ${clock(player.position)} / ${clock(duration)}`;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2" data-testid="replay-controls">
      <button
        type="button"
        onClick={player.togglePlay}
        data-testid="replay-play"
        className="inline-flex min-w-24 items-center justify-center gap-2 rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-fg hover:ring-2 hover:ring-accent hover:ring-offset-2 hover:ring-offset-surface"
      >
        <span aria-hidden="true">{player.playing ? "❚❚" : "▶"}</span>
        {player.playing ? "Pause" : player.ended ? "Replay" : "Play"}
      </button>
      <fieldset className="flex items-center gap-1">
        <legend className="sr-only">Speed</legend>
        <span aria-hidden="true" className="mr-1 text-xs text-fg-muted">
          Speed
        </span>
        {SPEEDS.map((speed) => (
          <SpeedOption
            key={speed}
            speed={speed}
            checked={player.speed === speed}
            onChange={player.setSpeed}
          />
        ))}
      </fieldset>
      <label className="flex items-center gap-2 text-xs text-fg-muted">
        Jump to round
        <select
          data-testid="replay-jump"
          className="rounded-md border border-border bg-surface-raised px-2 py-1 text-sm text-fg"
          value=""
          onChange={(e) => onJump(Number(e.target.value))}
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
      <div className="flex min-w-48 basis-full items-center gap-3 sm:basis-auto sm:flex-1">
        <input
          type="range"
          min={0}
          max={duration}
          step={100}
          value={Math.round(player.position)}
          onChange={(e) => player.seek(Number(e.target.value))}
          aria-label="Position in the replay"
          aria-valuetext={where}
          data-testid="replay-position"
          className="min-w-0 flex-1 accent-[var(--accent)]"
        />
        <span className="shrink-0 text-xs tabular-nums text-fg-muted" data-testid="replay-where">
          {where}
        </span>
      </div>
    </div>
  );
}

function SpeedOption({
  speed,
  checked,
  onChange,
}: {
  speed: Speed;
  checked: boolean;
  onChange: (speed: Speed) => void;
}) {
  const label = speed === "instant" ? "Instant" : `${speed}×`;
  return (
    <label
      className={cn(
        "cursor-pointer rounded-md border px-2 py-1 text-xs font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent",
        checked ? "border-accent bg-accent-soft text-fg" : "border-border text-fg-muted hover:text-fg",
      )}
    >
      <input
        type="radio"
        name="replay-speed"
        className="sr-only"
        checked={checked}
        onChange={() => onChange(speed)}
        data-testid={`replay-speed-${speed}`}
      />
      {label}
    </label>
  );
}

function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
