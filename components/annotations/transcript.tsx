"use client";

import { useEffect, useRef } from "react";
import { Utterance } from "@/components/sessions/utterance";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { AnnotationSessionView } from "@/lib/annotations/session-view";

/** The workspace's `lg` breakpoint, from which the transcript stands beside the form. */
const SIDE_BY_SIDE = "(min-width: 64rem)";

/** The whole session beside the form, the round under review marked and kept in view. */
export function Transcript({
  session,
  round,
  saved,
  onPick,
}: {
  session: AnnotationSessionView;
  round: number;
  saved: ReadonlySet<number>;
  onPick: (round: number) => void;
}) {
  const currentRef = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new round is the point of scrolling
  useEffect(() => {
    // Below the side-by-side layout the transcript sits under the form: scrolling to it would carry
    // the annotator away from the ratings on every round.
    if (window.matchMedia(SIDE_BY_SIDE).matches) currentRef.current?.scrollIntoView({ block: "nearest" });
  }, [round]);
  return (
    <Card>
      <CardHeader
        title={`Session with ${session.client}`}
        subtitle={
          <span className="line-clamp-2" title={session.presentingProblem}>
            {[session.technique, session.presentingProblem].filter(Boolean).join(" · ")}
          </span>
        }
      />
      <nav aria-label="Rounds" className="flex flex-wrap gap-1 border-b border-border px-4 py-2">
        {session.rounds.map((r) => (
          <button
            key={r.index}
            type="button"
            onClick={() => onPick(r.index)}
            aria-current={r.index === round ? "step" : undefined}
            aria-label={`Round ${r.index}${saved.has(r.index) ? ", annotated" : ""}`}
            className={cn(
              "min-w-8 rounded border border-border px-1.5 py-0.5 text-xs",
              saved.has(r.index) && "bg-surface-muted",
              r.index === round && "border-accent font-semibold text-accent",
            )}
          >
            {r.index}
            {saved.has(r.index) ? <span aria-hidden="true">✓</span> : null}
          </button>
        ))}
      </nav>
      <div className="px-4 py-3">
        <Utterance speaker="counselor" text={session.opening.counselor} />
        <Utterance speaker="client" text={session.opening.client} />
        {session.rounds.map((r) => (
          <section
            key={r.index}
            ref={r.index === round ? currentRef : undefined}
            aria-label={`Round ${r.index}`}
            className={cn(
              "-mx-2 my-1 rounded-md px-2 py-1",
              r.index === round && "bg-accent/5 outline outline-2 outline-accent/40",
            )}
          >
            <Utterance speaker="counselor" text={r.counselorReply} label={`Counselor · ${r.index}`} />
            {r.clientReply ? <Utterance speaker="client" text={r.clientReply} /> : null}
          </section>
        ))}
      </div>
    </Card>
  );
}
