import type { LiveCall } from "@/lib/live/live-state";

/** Model, latency and tokens of a call, in one quiet line. */
export function CallMeta({ call }: { call: LiveCall }) {
  const offline = call.modelId.includes("offline-simulator");
  return (
    <p className="mt-2 flex flex-wrap gap-x-2 text-[11px] text-fg-muted tabular-nums">
      <span className={offline ? "text-warning" : undefined}>
        {offline ? "offline simulator" : call.modelId}
      </span>
      {call.attempt > 1 ? <span>attempt {call.attempt}</span> : null}
      {call.latencyMs !== null ? <span>{(call.latencyMs / 1000).toFixed(1)} s</span> : null}
      {call.tokensOut !== null ? (
        <span>
          {call.tokensIn ?? "?"}→{call.tokensOut} tok
        </span>
      ) : null}
    </p>
  );
}
