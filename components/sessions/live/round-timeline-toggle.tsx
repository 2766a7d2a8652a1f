"use client";

import { useContext, useState } from "react";
import type { LiveCall } from "@/lib/live/live-state";
import { RoundTimeline } from "./round-timeline";
import { SessionIdContext } from "./session-id-context";

/** "Timeline", closed at first: the waterfall asks the server for times only once opened. */
export function RoundTimelineToggle({
  roundIndex,
  calls,
  onInspect,
}: {
  roundIndex: number;
  calls: LiveCall[];
  onInspect: (callId: string) => void;
}) {
  const sessionId = useContext(SessionIdContext);
  const [open, setOpen] = useState(false);
  if (!sessionId || calls.length === 0) return null;
  return (
    <details className="mt-3" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary
        className="cursor-pointer text-xs font-medium text-fg-muted hover:text-fg"
        data-testid="timeline-toggle"
      >
        Timeline of round {roundIndex}
      </summary>
      <div className="mt-2">
        {open ? (
          <RoundTimeline sessionId={sessionId} roundIndex={roundIndex} calls={calls} onInspect={onInspect} />
        ) : null}
      </div>
    </details>
  );
}
