"use client";

import { useEffect, useReducer, useState } from "react";
import { applyEvent, type LiveSession } from "@/lib/live/live-state";
import { readWire } from "@/lib/live/read-wire";
import type { PipelineEvent } from "@/lib/pipeline/events";

type Action = { kind: "snapshot"; state: LiveSession } | { kind: "events"; events: PipelineEvent[] };

function reduce(state: LiveSession, action: Action): LiveSession {
  if (action.kind === "snapshot") return action.state;
  return action.events.reduce(applyEvent, state);
}

export type StreamStatus = "connecting" | "live" | "reconnecting" | "off";

/**
 * The session's state, kept current by its live stream. Starts from the server-rendered state; on a
 * lost connection or a resync notice it reconnects and starts again from a fresh snapshot.
 */
export function useSessionStream(initial: LiveSession, enabled: boolean) {
  const [state, dispatch] = useReducer(reduce, initial);
  const [status, setStatus] = useState<StreamStatus>(enabled ? "connecting" : "off");

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    let attempt = 0;
    const connect = async () => {
      while (!controller.signal.aborted) {
        let after: number | undefined;
        try {
          after = await follow(initial.id, controller.signal, dispatch, () => {
            attempt = 0;
            setStatus("live");
          });
        } catch {
          // fall through to reconnect
        }
        if (controller.signal.aborted) return;
        setStatus("reconnecting");
        attempt += 1;
        // The server spreads a resync's reconnects itself; otherwise back off with jitter, so many
        // pages that lost the same server do not all come back in the same millisecond.
        const backoff = Math.min(5_000, 250 * 2 ** attempt) * (0.5 + Math.random());
        await new Promise((resolve) => setTimeout(resolve, after ?? backoff));
      }
    };
    void connect();
    return () => controller.abort();
  }, [initial.id, enabled]);

  return { state, status };
}

/**
 * Reads one connection until it ends; events of one chunk are applied in one render. Returns the
 * delay a resync asked for before reconnecting.
 */
async function follow(
  sessionId: string,
  signal: AbortSignal,
  dispatch: (action: Action) => void,
  onSnapshot: () => void,
): Promise<number | undefined> {
  const response = await fetch(`/api/sessions/${sessionId}/stream`, { signal, cache: "no-store" });
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
  for await (const batch of readWire(response.body)) {
    const events: PipelineEvent[] = [];
    for (const decoded of batch) {
      if (decoded.kind === "resync") {
        if (events.length) dispatch({ kind: "events", events });
        return decoded.after;
      }
      if (decoded.kind === "snapshot") {
        dispatch({ kind: "snapshot", state: decoded.state });
        onSnapshot();
      } else events.push(decoded.event);
    }
    if (events.length) dispatch({ kind: "events", events });
  }
  return undefined;
}
