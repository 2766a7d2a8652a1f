import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * Text with some character ranges marked (e.g. the candidate passages a fused sentence drew on).
 * Marks only change the background, so highlighting never moves the text.
 */
export function HighlightedText({
  text,
  spans,
  className,
}: {
  text: string;
  /** Character ranges [start, end) of `text`; they may overlap or come in any order. */
  spans: [number, number][];
  className?: string;
}) {
  const ranges = normalise(spans, text.length);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark
        key={start}
        data-testid="provenance-mark"
        className="rounded-[2px] bg-accent-soft text-fg shadow-[0_0_0_1px_var(--accent-soft)] [box-decoration-break:clone]"
      >
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <span className={cn("whitespace-pre-wrap", className)}>{parts}</span>;
}

/** Sorted, clamped, non-empty ranges with overlapping and touching ones merged. */
function normalise(spans: [number, number][], length: number): [number, number][] {
  const sorted = spans
    .map(([a, b]): [number, number] => [Math.max(0, Math.min(a, length)), Math.max(0, Math.min(b, length))])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}
