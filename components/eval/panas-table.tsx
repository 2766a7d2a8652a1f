import { Badge } from "@/components/ui/badge";
import { PANAS_POSITIVE } from "@/lib/eval/scales";
import type { JudgedItem, JudgedScale } from "@/lib/eval/schema";
import { RunList } from "./run-list";

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toFixed(2));
const POSITIVE: ReadonlySet<string> = new Set(PANAS_POSITIVE);

/** PANAS before (intake form alone) and after (intake form + session), feeling by feeling. */
export function PanasTable({
  before,
  after,
  simulated,
}: {
  before?: JudgedScale;
  after?: JudgedScale;
  simulated: boolean;
}) {
  const keys = [...new Set([...(before?.items ?? []), ...(after?.items ?? [])].map((i) => i.key))];
  const find = (scale: JudgedScale | undefined, key: string) => scale?.items.find((i) => i.key === key);
  const groups = [
    { name: "Positive feelings", keys: keys.filter((k) => POSITIVE.has(k)), affect: "positive" as const },
    { name: "Negative feelings", keys: keys.filter((k) => !POSITIVE.has(k)), affect: "negative" as const },
  ];
  return (
    <section aria-label="PANAS" data-testid="scale-panas">
      <h3 className="mb-1 flex flex-wrap items-baseline gap-2 text-sm font-semibold">
        PANAS — Positive and Negative Affect Schedule
        <span className="text-xs font-normal text-fg-muted">
          1–5 · before: from the intake form alone · after: intake form and session
        </span>
        {simulated ? <Badge tone="warning">simulated</Badge> : null}
      </h3>
      <div className="grid gap-3 md:grid-cols-2">
        {groups.map((group) => (
          <div key={group.name} className="rounded-md border border-border">
            <div className="flex justify-between border-b border-border px-3 py-1.5 text-xs font-medium text-fg-muted">
              <span>{group.name}</span>
              <span className="tabular-nums">
                before {fmt(before?.affect?.[group.affect])} → after {fmt(after?.affect?.[group.affect])}
              </span>
            </div>
            <ul className="divide-y divide-border">
              {group.keys.map((key) => (
                <PanasRow key={key} before={find(before, key)} after={find(after, key)} />
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

function PanasRow({ before, after }: { before?: JudgedItem; after?: JudgedItem }) {
  const label = (before ?? after)?.label ?? "";
  return (
    <li data-testid="panas-feeling">
      <details className="px-3 py-1.5">
        <summary className="flex cursor-pointer items-center justify-between gap-3 text-sm">
          <span>{label}</span>
          <span className="tabular-nums">
            {fmt(before?.mean)} → <strong>{fmt(after?.mean)}</strong>
          </span>
        </summary>
        {before ? <RunList title="Before" item={before} /> : null}
        {after ? <RunList title="After" item={after} /> : null}
      </details>
    </li>
  );
}
