"use client";

import { type Column, DataTable } from "@/components/ui/data-table";
import type { ItemJudgeAgreement } from "@/lib/annotations/judge-agreement";

const fixed = (value: number | null, digits = 2) => (value === null ? "—" : value.toFixed(digits));

const COLUMNS: Column<ItemJudgeAgreement>[] = [
  { key: "item", header: "Item", cell: (a) => a.label },
  { key: "human", header: "Human mean", className: "tabular-nums", cell: (a) => fixed(a.humanMean) },
  { key: "judge", header: "Judge mean", className: "tabular-nums", cell: (a) => fixed(a.judgeMean) },
  { key: "n", header: "n", className: "tabular-nums", cell: (a) => a.units },
  { key: "alpha", header: "Alpha (ordinal)", className: "tabular-nums", cell: (a) => fixed(a.alpha, 3) },
  { key: "mad", header: "Mean |Δ|", className: "tabular-nums", cell: (a) => fixed(a.meanAbsoluteDifference) },
];

/** The clinicians' session forms against the judge, per item, over the sessions that have both. */
export function JudgeAgreementTable({ items }: { items: readonly ItemJudgeAgreement[] }) {
  return (
    <section aria-labelledby="judge-agreement-title" className="mt-6 flex flex-col gap-2">
      <h2 id="judge-agreement-title" className="text-sm font-semibold">
        Judge vs human agreement per item
      </h2>
      {items.length ? (
        <>
          <p className="max-w-3xl text-xs text-fg-muted">
            Over this experiment&apos;s finished sessions that clinicians annotated (CTRS, WAI, PANAS) and the
            judge scored. n is those sessions; the means are over them (a session&apos;s human score is its
            annotators&apos; mean). Alpha is Krippendorff&apos;s alpha, ordinal, with two coders per session:
            the annotators&apos; mean rounded and the judge&apos;s score rounded. Mean |Δ| is unrounded.
          </p>
          <DataTable
            columns={COLUMNS}
            rows={[...items]}
            rowKey={(a) => a.item}
            label="Agreement per item, judge against clinicians"
            testId="judge-agreement-table"
          />
        </>
      ) : (
        <p className="max-w-3xl text-sm text-fg-muted" data-testid="judge-agreement-empty">
          No session of this experiment has both a clinician&apos;s session form and judge scores yet. Put its
          sessions in an annotation queue and evaluate them to compare the judge with the clinicians here.
        </p>
      )}
    </section>
  );
}
