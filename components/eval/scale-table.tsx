import { Badge } from "@/components/ui/badge";
import type { JudgedScale } from "@/lib/eval/schema";
import { RunList } from "./run-list";

const TITLES: Record<JudgedScale["metric"], string> = {
  ctrs: "CTRS — Cognitive Therapy Rating Scale",
  wai: "WAI — Working Alliance Inventory",
  panas_before: "PANAS before the session (from the intake form)",
  panas_after: "PANAS after the session",
};

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toFixed(2));

function Summary({ scale }: { scale: JudgedScale }) {
  if (scale.affect)
    return (
      <>
        positive {fmt(scale.affect.positive)} · negative {fmt(scale.affect.negative)}
      </>
    );
  if (scale.metric === "wai")
    return (
      <>
        mean {fmt(scale.mean)} (raw, as the paper) · items 4 and 10 reversed {fmt(scale.meanReversed)}
      </>
    );
  return <>mean {fmt(scale.mean)}</>;
}

/** One scale: per item the mean and each run, with the judge's reason (or why the run failed). */
export function ScaleTable({ scale, simulated }: { scale: JudgedScale; simulated: boolean }) {
  return (
    <section aria-label={TITLES[scale.metric]} data-testid={`scale-${scale.metric}`}>
      <h3 className="mb-1 flex flex-wrap items-baseline gap-2 text-sm font-semibold">
        {TITLES[scale.metric]}
        <span className="text-xs font-normal text-fg-muted">
          {scale.min}–{scale.max} · <Summary scale={scale} />
        </span>
        {simulated ? <Badge tone="warning">simulated</Badge> : null}
      </h3>
      <ul className="divide-y divide-border rounded-md border border-border">
        {scale.items.map((item) => (
          <li key={item.key}>
            <details className="group px-3 py-2">
              <summary className="flex cursor-pointer items-center justify-between gap-3 text-sm">
                <span>{item.label}</span>
                <span className="flex shrink-0 items-center gap-2 tabular-nums">
                  <span className="whitespace-nowrap text-xs text-fg-muted">
                    {item.runs.map((r) => (r.score === null ? "✗" : r.score)).join(" · ")}
                  </span>
                  <strong>{fmt(item.mean)}</strong>
                </span>
              </summary>
              <RunList item={item} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
