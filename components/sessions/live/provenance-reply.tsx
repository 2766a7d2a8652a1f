"use client";

import { type ReactNode, useMemo } from "react";
import { cn } from "@/components/ui/cn";
import { splitSentences } from "@/lib/sessions/provenance";

/**
 * The fused counselor reply, sentence by sentence. Hovering or focusing a sentence reports its index
 * (the same indexes as traceProvenance), so the candidates it drew on can be highlighted; leaving it
 * reports null. Text between sentences is kept as written.
 */
export function ProvenanceReply({
  text,
  activeIndex,
  onSentenceHover,
  className,
}: {
  text: string;
  activeIndex: number | null;
  onSentenceHover: (index: number | null) => void;
  className?: string;
}) {
  const sentences = useMemo(() => splitSentences(text), [text]);
  const parts: ReactNode[] = [];
  let at = 0;
  sentences.forEach((sentence, index) => {
    if (sentence.start > at) parts.push(text.slice(at, sentence.start));
    parts.push(
      <Sentence
        key={sentence.start}
        text={sentence.text}
        index={index}
        active={index === activeIndex}
        onHover={onSentenceHover}
      />,
    );
    at = sentence.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return (
    <span className={cn("prose-clinical font-serif", className)} data-testid="provenance-reply">
      {parts}
    </span>
  );
}

function Sentence({
  text,
  index,
  active,
  onHover,
}: {
  text: string;
  index: number;
  active: boolean;
  onHover: (index: number | null) => void;
}) {
  return (
    // Focus is how keyboard users get what hovering gives: the sentence's sources highlighted.
    // biome-ignore lint/a11y/noStaticElementInteractions: hover and focus only reveal, they do not act
    <span
      // biome-ignore lint/a11y/noNoninteractiveTabindex: see above; the sentence is still read as text
      tabIndex={0}
      data-testid="fused-sentence"
      data-index={index}
      data-active={active || undefined}
      onMouseEnter={() => onHover(index)}
      onMouseLeave={() => onHover(null)}
      onFocus={() => onHover(index)}
      onBlur={() => onHover(null)}
      className={cn(
        "cursor-default rounded-sm underline decoration-1 underline-offset-4 transition-colors",
        active ? "decoration-accent" : "decoration-transparent",
      )}
    >
      {text}
    </span>
  );
}
