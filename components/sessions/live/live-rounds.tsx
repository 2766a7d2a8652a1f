"use client";

import { startTransition, useEffect, useMemo, useState } from "react";
import { FULL_ROUNDS } from "@/lib/live/live-compact";
import { type LiveCall, type LiveSession, latestAttempts } from "@/lib/live/live-state";
import { LiveRound } from "./live-round";

/** After the rounds in the server's HTML, the browser renders the rest a few per frame. */
const ROUNDS_PER_FRAME = 4;

export function LiveRounds({
  state,
  hasSpecialists,
  candidatesRecorded,
  canFork,
  onInspect,
  onRetry,
}: {
  state: LiveSession;
  hasSpecialists: boolean;
  candidatesRecorded: boolean;
  canFork: boolean;
  onInspect?: (id: string) => void;
  onRetry?: () => void;
}) {
  const callsByRound = useCallsByRound(state);
  const shown = useProgressiveCount(state.rounds.length);
  if (state.rounds.length === 0) {
    return (
      <p
        className="rounded-lg border border-dashed border-border px-6 py-10 text-center text-sm text-fg-muted"
        data-testid="empty-state"
      >
        No rounds yet. Use <strong>Run next round</strong> to watch one round, or{" "}
        <strong>Run to the end</strong> to play all {state.maxRounds}.
      </p>
    );
  }
  return (
    <ol className="flex flex-col gap-6" data-testid="rounds" aria-busy={shown < state.rounds.length}>
      {state.rounds.slice(0, shown).map((round) => (
        <LiveRound
          key={round.index}
          round={round}
          calls={callsByRound.get(round.index) ?? []}
          hasSpecialists={hasSpecialists}
          candidatesRecorded={candidatesRecorded}
          canFork={canFork}
          onInspect={onInspect}
          onRetry={onRetry}
        />
      ))}
    </ol>
  );
}

/**
 * How many of `total` items to render: a few at first (the server renders those, so a long session's
 * HTML stays small), then more on every animation frame after hydration until all are shown.
 */
function useProgressiveCount(total: number): number {
  const [shown, setShown] = useState(FULL_ROUNDS);
  useEffect(() => {
    if (shown >= total) return;
    const frame = requestAnimationFrame(() => startTransition(() => setShown((n) => n + ROUNDS_PER_FRAME)));
    return () => cancelAnimationFrame(frame);
  }, [shown, total]);
  return Math.min(shown, total);
}

/** Latest attempts per round; LiveRound compares them call by call, so unchanged rounds do not re-render. */
function useCallsByRound(state: LiveSession): Map<number, LiveCall[]> {
  return useMemo(() => {
    const map = new Map<number, LiveCall[]>();
    for (const round of state.rounds) map.set(round.index, latestAttempts(state, round.callIds));
    return map;
  }, [state]);
}
