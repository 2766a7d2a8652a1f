"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "./cn";

export interface Column<Row> {
  key: string;
  header: string;
  /** Present when the column can be sorted by the server. */
  sortKey?: string;
  className?: string;
  cell: (row: Row) => ReactNode;
}

interface DataTableProps<Row> {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  rowHref?: (row: Row) => string;
  sort?: { key: string; order: "asc" | "desc" };
  onSort?: (key: string, order: "asc" | "desc") => void;
  loading?: boolean;
  testId?: string;
  /** Names the scrollable region for screen readers, e.g. "Sessions". */
  label?: string;
}

/** The one table of the studio: per-domain column definitions, sorting and paging done by the server. */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  rowHref,
  sort,
  onSort,
  loading,
  testId,
  label,
}: DataTableProps<Row>) {
  return (
    <section
      aria-label={label}
      // Focusable so that keyboard users can scroll the columns that do not fit; the first one stays put.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-border bg-surface-raised"
    >
      <table
        className={cn("w-full text-left text-sm", loading && "opacity-60")}
        data-testid={testId}
        aria-busy={loading || undefined}
      >
        <thead className="border-b border-border text-xs uppercase tracking-wide text-fg-muted">
          <tr>
            {columns.map((column, i) => (
              <th
                key={column.key}
                className={cn("px-3 py-2 font-medium", column.className, i === 0 && FIRST_COLUMN)}
                aria-sort={sortState(sort, column.sortKey)}
              >
                {column.sortKey && onSort ? (
                  <SortButton column={column} sort={sort} onSort={onSort} />
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              className="group border-b border-border last:border-0 hover:bg-surface-muted"
            >
              {columns.map((column, i) => (
                <td
                  key={column.key}
                  className={cn(
                    "px-3 py-2 align-top",
                    column.className,
                    i === 0 && cn(FIRST_COLUMN, "group-hover:bg-surface-muted"),
                  )}
                >
                  {i === 0 && rowHref ? (
                    <Link href={rowHref(row)} className="font-medium text-accent hover:underline">
                      {column.cell(row)}
                    </Link>
                  ) : (
                    column.cell(row)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The first column (the row's name and link) stays in view while the others scroll sideways. */
const FIRST_COLUMN = "sticky left-0 z-10 bg-surface-raised max-sm:max-w-40";

function sortState(sort: DataTableProps<unknown>["sort"], key?: string) {
  if (!key || sort?.key !== key) return undefined;
  return sort.order === "asc" ? "ascending" : "descending";
}

function SortButton<Row>({
  column,
  sort,
  onSort,
}: {
  column: Column<Row>;
  sort?: { key: string; order: "asc" | "desc" };
  onSort: (key: string, order: "asc" | "desc") => void;
}) {
  const active = sort?.key === column.sortKey;
  const nextOrder = active && sort?.order === "desc" ? "asc" : "desc";
  return (
    <button
      type="button"
      className="inline-flex items-center gap-1 uppercase hover:text-fg"
      onClick={() => onSort(column.sortKey as string, nextOrder)}
    >
      {column.header}
      <span aria-hidden className={active ? "text-fg" : "opacity-30"}>
        {active && sort?.order === "asc" ? "▲" : "▼"}
      </span>
    </button>
  );
}
