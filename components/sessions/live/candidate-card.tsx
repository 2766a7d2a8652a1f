"use client";

import { memo } from "react";
import { Badge } from "@/components/ui/badge";
import { textActionClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { isTextWithheld } from "@/lib/live/live-compact";
import type { LiveCall } from "@/lib/live/live-state";
import { CallMeta } from "./call-meta";
import { HighlightedText } from "./highlighted-text";

export type CandidateChoice = "selected" | "unselected" | "pending";

/** One specialist's candidate reply: streams in place; after the selection, chosen or dimmed. */
export const CandidateCard = memo(function CandidateCard({
  label,
  call,
  choice,
  spans,
  onInspect,
  onRetry,
  onInsert,
  regenerate,
}: {
  label: string;
  call: LiveCall | undefined;
  choice: CandidateChoice;
  spans?: [number, number][];
  /** Without it (the replay) the card is text only. */
  onInspect?: (callId: string) => void;
  onRetry?: () => void;
  /** Offered while a person writes the counselor's reply: the candidate as a suggestion to insert. */
  onInsert?: (text: string) => void;
  /** The control that runs this candidate again, when allowed. */
  regenerate?: React.ReactNode;
}) {
  return (
    <article
      data-testid="candidate-card"
      data-technique={label}
      data-choice={choice}
      data-status={call?.status ?? "waiting"}
      className={cn(
        "flex min-h-44 w-[82%] max-w-80 shrink-0 snap-start flex-col rounded-lg border p-3 transition-colors sm:w-[45%] xl:w-auto xl:max-w-none",
        choice === "selected" &&
          "order-first border-accent bg-surface-raised ring-1 ring-accent xl:order-none",
        // Dimmed by colour, not opacity, so that the text keeps its contrast.
        choice === "unselected" && "border-dashed border-border bg-surface-muted text-fg-muted",
        choice === "pending" && "border-border bg-surface-raised",
      )}
    >
      <header className="mb-2 flex flex-wrap items-center justify-between gap-1">
        <h3 className="text-xs font-semibold uppercase tracking-wide">{label}</h3>
        {choice === "selected" ? (
          <Badge tone="accent" title="The selector chose this technique for the round">
            ✓ chosen
          </Badge>
        ) : null}
        {choice === "unselected" ? (
          <Badge title="The selector did not choose this technique for the round">not chosen</Badge>
        ) : null}
        {call?.status === "failed" ? <Badge tone="danger">Failed</Badge> : null}
      </header>
      {onInspect ? (
        <button
          type="button"
          disabled={!call}
          onClick={() => call && onInspect(call.id)}
          title="Inspect this call"
          className="flex flex-1 cursor-pointer flex-col justify-start rounded text-left text-sm leading-relaxed hover:bg-accent-soft/40 disabled:cursor-default"
        >
          <CardText call={call} spans={spans} />
        </button>
      ) : (
        <div className="flex flex-1 flex-col justify-start text-sm leading-relaxed">
          <CardText call={call} spans={spans} />
        </div>
      )}
      {call?.status === "failed" && onRetry ? (
        <button type="button" onClick={onRetry} className={textActionClass("mt-2 self-start")}>
          Retry this round
        </button>
      ) : null}
      {onInsert && call?.status === "succeeded" ? (
        <button
          type="button"
          onClick={() => onInsert(call.text)}
          className="mt-2 self-start rounded border border-accent px-2 py-0.5 text-xs font-medium text-accent hover:bg-accent-soft"
          aria-label={`Insert the ${label} suggestion into your reply`}
          data-testid="insert-suggestion"
        >
          Insert
        </button>
      ) : null}
      {call ? (
        // The actions wrap under the model line rather than squeezing it onto several lines.
        <footer className="flex flex-wrap items-end justify-between gap-x-2">
          <CallMeta call={call} />
          <span className="flex items-end gap-2">
            {regenerate}
            {onInspect ? (
              <button
                type="button"
                onClick={() => onInspect(call.id)}
                aria-label={`Inspect the ${label} call`}
                className={textActionClass()}
              >
                inspect
              </button>
            ) : null}
          </span>
        </footer>
      ) : null}
    </article>
  );
});

function CardText({ call, spans }: { call: LiveCall | undefined; spans?: [number, number][] }) {
  return (
    <>
      <span>
        {call && isTextWithheld(call) ? (
          <span className="text-fg-muted">Loading…</span>
        ) : call ? (
          <HighlightedText text={call.text} spans={spans ?? []} className="font-serif" />
        ) : (
          <span className="text-fg-muted">Waiting…</span>
        )}
        {call?.status === "running" ? <span className="ml-0.5 animate-pulse text-accent">▍</span> : null}
      </span>
      {call?.error ? <span className="mt-2 block text-xs text-danger">{call.error}</span> : null}
    </>
  );
}
