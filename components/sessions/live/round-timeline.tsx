"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { roleLabel } from "@/components/ui/agent-labels";
import { cn } from "@/components/ui/cn";
import { fetchParsed } from "@/components/ui/fetch-json";
import type { LiveCall } from "@/lib/live/live-state";
import { roundTimelineResponseSchema } from "@/lib/sessions/timeline-schema";
import { placeBars, type WaterfallBar } from "@/lib/sessions/waterfall";

/**
 * The round as a waterfall: a bar per agent call from start to finish, the critical path marked. Stored
 * calls bring their times; a call still running starts when its call-started event arrived and grows.
 */
export function RoundTimeline({
  sessionId,
  roundIndex,
  calls,
  onInspect,
}: {
  sessionId: string;
  roundIndex: number;
  /** The live calls of the round (the event stream's view). */
  calls: LiveCall[];
  onInspect: (callId: string) => void;
}) {
  const finished = calls.filter((call) => call.status !== "running").length;
  const running = calls.filter((call) => call.status === "running");
  const { data, error } = useQuery({
    queryKey: ["round-timeline", sessionId, roundIndex, finished],
    queryFn: async () => {
      const url = `/api/sessions/${sessionId}/rounds/${roundIndex}/timeline`;
      return { ...(await fetchParsed(roundTimelineResponseSchema, url)), receivedAt: Date.now() };
    },
    placeholderData: (previous) => previous,
  });
  const now = useNow(running.length > 0);
  const firstSeen = useFirstSeen(running);
  if (error) return <p className="text-xs text-danger">{error.message}</p>;
  if (!data) return <p className="text-xs text-fg-muted">Loading the timeline…</p>;

  const skew = data.now - data.receivedAt;
  const stored = new Set(data.calls.map((call) => call.id));
  const bars: WaterfallBar[] = [
    ...data.calls.map((call) => ({
      id: call.id,
      role: call.role,
      attempt: call.attempt,
      status: call.status,
      start: call.startedAt,
      end: call.finishedAt ?? call.startedAt,
      running: false,
    })),
    ...running
      .filter((call) => !stored.has(call.id))
      .map((call) => ({
        id: call.id,
        role: call.role,
        attempt: call.attempt,
        status: "running",
        start: (firstSeen.get(call.id) ?? now) + skew,
        end: now + skew,
        running: true,
      })),
  ];
  const { bars: placed, spanMs } = placeBars(bars);
  if (placed.length === 0) return <p className="text-xs text-fg-muted">No calls yet.</p>;
  return (
    <figure data-testid="round-timeline">
      <figcaption className="mb-2 text-xs text-fg-muted">
        {(spanMs / 1000).toFixed(1)} s from the first call to the last; the critical path is marked.
      </figcaption>
      <ol className="grid gap-1">
        {placed.map((bar) => (
          <li
            key={bar.id}
            className="grid grid-cols-[7.5rem_1fr] items-center gap-2 text-xs sm:grid-cols-[10rem_1fr]"
          >
            <span className="truncate text-fg-muted">
              {roleLabel(bar.role)}
              {bar.attempt > 1 ? ` (attempt ${bar.attempt})` : ""}
            </span>
            <span className="relative h-5 rounded bg-surface-muted">
              <button
                type="button"
                onClick={() => onInspect(bar.id)}
                aria-label={`Inspect the ${roleLabel(bar.role)} call: ${((bar.end - bar.start) / 1000).toFixed(1)} s${bar.running ? ", running" : ""}${bar.critical ? ", on the critical path" : ""}`}
                className={cn(
                  "absolute top-0.5 bottom-0.5 rounded-sm",
                  bar.critical ? "bg-accent" : "bg-fg-muted/50",
                  bar.running && "animate-pulse",
                  bar.status === "failed" && "bg-danger",
                )}
                style={{ left: `${bar.left}%`, width: `${bar.width}%` }}
                data-testid="timeline-bar"
                data-critical={bar.critical || undefined}
              />
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

/** The time, ticking while something runs. */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [ticking]);
  return ticking ? now : Date.now();
}

/** When this page first saw each running call (its call-started event), on the browser's clock. */
function useFirstSeen(running: LiveCall[]): Map<string, number> {
  const seen = useRef(new Map<string, number>());
  for (const call of running) if (!seen.current.has(call.id)) seen.current.set(call.id, Date.now());
  return seen.current;
}
