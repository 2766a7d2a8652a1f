"use client";

import { type Column, DataTable } from "@/components/ui/data-table";
import type { SetDiversity } from "@/lib/dashboard/schema";
import { variantLabel } from "./format";

const ratio = (value: number | null) => (value === null ? "—" : value.toFixed(3));

const COLUMNS: Column<SetDiversity>[] = [
  { key: "variant", header: "Variant", cell: (d) => variantLabel(d.variant) },
  { key: "sessions", header: "Sessions", className: "tabular-nums", cell: (d) => d.sessions },
  { key: "d1", header: "Distinct-1", className: "tabular-nums", cell: (d) => ratio(d.distinct1) },
  { key: "d2", header: "Distinct-2", className: "tabular-nums", cell: (d) => ratio(d.distinct2) },
  { key: "d3", header: "Distinct-3", className: "tabular-nums", cell: (d) => ratio(d.distinct3) },
  { key: "ead", header: "EAD", className: "tabular-nums", cell: (d) => ratio(d.ead) },
];

/** Distinct-n and EAD as the paper computes them: one value per variant, Llama-3 tokens. */
export function SetDiversityTable({ rows }: { rows: readonly SetDiversity[] }) {
  return (
    <DataTable
      columns={COLUMNS}
      rows={[...rows]}
      rowKey={(d) => d.variant}
      label="Diversity over pooled sessions"
      testId="set-diversity-table"
    />
  );
}
