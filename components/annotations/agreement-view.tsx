import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { DisagreedRound, ItemAgreement } from "@/lib/annotations/agreement";

const fixed = (value: number | null, digits = 2) => (value === null ? "–" : value.toFixed(digits));
const percent = (value: number | null) => (value === null ? "–" : `${Math.round(value * 100)}%`);

export function AgreementTable({ items }: { items: ItemAgreement[] }) {
  if (!items.length) return <EmptyState title="No annotations in this queue yet" />;
  return (
    <Card className="overflow-x-auto">
      <CardHeader
        title="Per item"
        subtitle="alpha is undefined (–) without two values on a unit, or without any variation."
      />
      <table className="w-full text-sm" data-testid="agreement-table">
        <caption className="sr-only">Agreement per item</caption>
        <thead className="text-left text-xs text-fg-muted">
          <tr className="border-b border-border">
            <th scope="col" className="px-3 py-2">
              Item
            </th>
            <th scope="col" className="px-3 py-2">
              Level
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Alpha
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Agreement
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Units (values paired)
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Against the judge: alpha · mean |Δ| (units)
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.item} className="border-b border-border last:border-0">
              <th scope="row" className="px-3 py-1.5 text-left font-normal">
                {item.label}
              </th>
              <td className="px-3 py-1.5 text-fg-muted">{item.level}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{fixed(item.alpha)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{percent(item.percent)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">
                {item.units} ({item.pairable})
              </td>
              <td className="px-3 py-1.5 text-right tabular-nums">
                {item.judge
                  ? `${fixed(item.judge.alpha)} · ${fixed(item.judge.meanAbsoluteDifference)} (${item.judge.units})`
                  : "–"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

/** The rounds the annotators disagree on most, each opening the session at that round. */
export function DisagreedRounds({ rounds }: { rounds: DisagreedRound[] }) {
  return (
    <Card>
      <CardHeader
        title="Most-disagreed rounds"
        subtitle="Spread: the sum over the four ratings of highest minus lowest, plus one for each technique, candidate or flag the annotators differ on."
      />
      {rounds.length ? (
        <ol className="flex flex-col divide-y divide-border text-sm" data-testid="disagreed-rounds">
          {rounds.map((r) => (
            <li
              key={`${r.sessionId}:${r.round}`}
              className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2"
            >
              <Link href={`/sessions/${r.sessionId}#round-${r.round}`} className="text-accent underline">
                {r.client} · round {r.round}
              </Link>
              <span className="text-xs text-fg-muted">
                spread {r.spread} · {r.annotators} annotators
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="px-4 py-3 text-sm text-fg-muted">No round has two annotators who disagree yet.</p>
      )}
    </Card>
  );
}
