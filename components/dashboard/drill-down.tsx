"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import { type Column, DataTable } from "@/components/ui/data-table";
import { metricByKey, worstFirst } from "@/lib/dashboard/metrics";
import { inGroup, type ResultGroup, type SessionResult } from "@/lib/dashboard/schema";
import { formatValue, GROUP_LABELS, variantLabel } from "./format";
import type { Selection } from "./use-results-selection";

/** The sessions behind a bar or cell, worst first, each opening its session page. */
export function DrillDown({
  experimentId,
  group,
  selection,
  sessions,
  onClose,
}: {
  experimentId: string;
  group: ResultGroup;
  selection: Selection;
  sessions: readonly SessionResult[];
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const metric = metricByKey(selection.metric);
  // Keyboard and screen-reader users land on what they opened (the parent keys this per selection).
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: "start" });
  }, []);
  if (!metric) return null;
  const rows = worstFirst(
    sessions.filter((s) => s.variant === selection.variant && inGroup(s, group)),
    metric.key,
  );
  const order = metric.better === "higher" ? "lowest first" : "highest first";
  const columns: Column<SessionResult>[] = [
    { key: "client", header: "Client", cell: (s) => s.client },
    { key: "attitude", header: "Attitude", cell: (s) => s.attitude },
    {
      key: "value",
      header: metric.short,
      className: "tabular-nums",
      cell: (s) => formatValue(s.values[metric.key], metric.key),
    },
    { key: "status", header: "Status", cell: (s) => s.status.replaceAll("_", " ") },
  ];
  const list = new URLSearchParams({ experiment: experimentId, variant: selection.variant });
  if (group !== "all") list.set("attitude", group);
  return (
    <section aria-labelledby="drill-down-title" className="flex flex-col gap-2" data-testid="drill-down">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="drill-down-title" ref={heading} tabIndex={-1} className="text-sm font-semibold outline-none">
          {metric.label} · {variantLabel(selection.variant)} · {GROUP_LABELS[group]}: {rows.length} sessions,
          worst first ({order})
        </h2>
        <div className="flex gap-2">
          <Link href={`/sessions?${list}`} className={buttonClass("secondary")}>
            Open in Sessions
          </Link>
          <button type="button" className={buttonClass("ghost")} onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(s) => s.id}
        rowHref={(s) => `/sessions/${s.id}`}
        label="Sessions, worst first"
        testId="drill-down-table"
      />
    </section>
  );
}
