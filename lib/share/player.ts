// Moving a replay to a point in time with the live view's reducer. Client-safe.

import { applyEvent, type LiveSession } from "@/lib/live/live-state";
import type { Timeline } from "./timeline";

export interface PlayerCursor {
  /** Events applied so far. */
  next: number;
  state: LiveSession;
}

/**
 * The state at `position` ms: forward from the cursor when it can, from the start when going back
 * (applying every event again is cheaper than keeping old states).
 */
export function advanceTo(
  timeline: Timeline,
  initial: LiveSession,
  cursor: PlayerCursor,
  position: number,
): PlayerCursor {
  const { events } = timeline;
  let { next, state } = cursor;
  if (next > 0 && events[next - 1].at > position) {
    next = 0;
    state = initial;
  }
  while (next < events.length && events[next].at <= position) {
    state = applyEvent(state, events[next].event);
    next += 1;
  }
  return { next, state };
}
