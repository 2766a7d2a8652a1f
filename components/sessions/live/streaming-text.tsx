import type { LiveCall } from "@/lib/live/live-state";

/** A call's text as it streams, or a quiet placeholder before it starts. */
export function StreamingText({ call, waiting }: { call: LiveCall | undefined; waiting: string }) {
  if (!call) return <span className="text-sm text-fg-muted">{waiting}</span>;
  return (
    <span className="prose-clinical font-serif">
      {call.text}
      {call.status === "running" ? <span className="ml-0.5 animate-pulse text-accent">▍</span> : null}
      {call.error ? <span className="mt-1 block text-xs text-danger">{call.error}</span> : null}
    </span>
  );
}
