"use client";

import { useCallback, useRef, useState } from "react";
import { readWire } from "@/lib/live/read-wire";
import type { PipelineEvent } from "@/lib/pipeline/events";
import { type PlaygroundRunRequest, sampleOfCallId } from "@/lib/playground/schema";

export interface Sample {
  n: number;
  text: string;
  status: "running" | "finished" | "failed";
  modelId: string;
  error?: string;
  latencyMs?: number;
  tokensOut?: number | null;
}

/** One playground run at a time: its samples as they stream, and the run's error if it was refused. */
export function usePlaygroundRun(callId: string) {
  const [samples, setSamples] = useState<Sample[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const current = useRef<AbortController | null>(null);

  const run = useCallback(
    async (request: PlaygroundRunRequest) => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      setError(null);
      setSamples([]);
      setRunning(true);
      try {
        const response = await fetch(`/api/agent-calls/${encodeURIComponent(callId)}/playground`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(request),
          signal: controller.signal,
        });
        if (!response.ok || !response.body) {
          const body = await response.json().catch(() => null);
          throw new Error(body?.error?.message ?? `The run was refused (${response.status})`);
        }
        await readSamples(response.body, (events) =>
          setSamples((now) => events.reduce(applySampleEvent, now)),
        );
      } catch (caught) {
        if (!controller.signal.aborted) setError(caught instanceof Error ? caught.message : String(caught));
      } finally {
        if (current.current === controller) setRunning(false);
      }
    },
    [callId],
  );

  return { samples, error, running, run };
}

/** The run's pipeline events, read with the session stream's reader; one update per chunk. */
async function readSamples(body: NonNullable<Response["body"]>, apply: (events: PipelineEvent[]) => void) {
  for await (const batch of readWire(body)) {
    const events = batch.flatMap((decoded) => (decoded.kind === "event" ? [decoded.event] : []));
    if (events.length) apply(events);
  }
}

function applySampleEvent(samples: Sample[], event: PipelineEvent): Sample[] {
  if (!("callId" in event)) return samples;
  const n = sampleOfCallId(event.callId);
  if (n === null) return samples;
  if (event.type === "call-started") {
    return [
      ...samples.filter((s) => s.n !== n),
      { n, text: "", status: "running" as const, modelId: event.modelId },
    ].sort((a, b) => a.n - b.n);
  }
  return samples.map((sample) => {
    if (sample.n !== n) return sample;
    if (event.type === "call-delta") return { ...sample, text: sample.text + event.delta };
    if (event.type === "call-finished") {
      return {
        ...sample,
        text: event.text,
        status: "finished" as const,
        latencyMs: event.latencyMs,
        tokensOut: event.usage.outputTokens,
      };
    }
    if (event.type === "call-failed") return { ...sample, status: "failed" as const, error: event.error };
    return sample;
  });
}
