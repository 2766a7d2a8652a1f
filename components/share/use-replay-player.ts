"use client";

import { useCallback, useEffect, useState } from "react";
import type { LiveSession } from "@/lib/live/live-state";
import { advanceTo, type PlayerCursor } from "@/lib/share/player";
import type { Timeline } from "@/lib/share/timeline";

export const SPEEDS = [1, 2, 4, "instant"] as const;
export type Speed = (typeof SPEEDS)[number];

/** Frames of the replay: often enough for streamed text to look streamed, rarely enough to stay cheap. */
const TICK_MS = 50;

/** Plays a timeline through the live reducer: position, speed, pause and seeking. */
export function useReplayPlayer(timeline: Timeline, initial: LiveSession) {
  const [cursor, setCursor] = useState<PlayerCursor & { position: number }>({
    next: 0,
    state: initial,
    position: 0,
  });
  const [playing, setPlaying] = useState(true);
  const [speed, setSpeedState] = useState<Speed>(1);
  const ended = cursor.position >= timeline.duration;

  const seek = useCallback(
    (position: number) => {
      const at = Math.max(0, Math.min(timeline.duration, position));
      setCursor((current) => ({ ...advanceTo(timeline, initial, current, at), position: at }));
    },
    [timeline, initial],
  );

  useEffect(() => {
    if (!playing || speed === "instant") return;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const step = (now - last) * speed;
      last = now;
      setCursor((current) => {
        const at = Math.min(timeline.duration, current.position + step);
        return { ...advanceTo(timeline, initial, current, at), position: at };
      });
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, speed, timeline, initial]);

  useEffect(() => {
    if (ended) setPlaying(false);
  }, [ended]);

  const setSpeed = useCallback(
    (next: Speed) => {
      setSpeedState(next);
      if (next === "instant") seek(timeline.duration);
    },
    [seek, timeline.duration],
  );

  const togglePlay = useCallback(() => {
    if (playing) return setPlaying(false);
    if (ended) seek(0);
    if (speed === "instant") setSpeedState(1);
    setPlaying(true);
  }, [playing, ended, seek, speed]);

  return {
    state: cursor.state,
    position: cursor.position,
    playing,
    speed,
    ended,
    seek,
    setSpeed,
    togglePlay,
  };
}
