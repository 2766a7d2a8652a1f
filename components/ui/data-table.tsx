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
}: DataTableProps<Row>) {
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface-raised">
      <table className={cn("w-full text-left text-sm", loading && "opacity-60")} data-testid={testId}>
        <thead className="border-b border-border text-xs uppercase tracking-wide text-fg-muted">
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                className={cn("px-3 py-2 font-medium", column.className)}
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
            <tr key={rowKey(row)} className="border-b border-border last:border-0 hover:bg-surface-muted/60">
              {columns.map((column, i) => (
                <td key={column.key} className={cn("px-3 py-2 align-top", column.className)}>
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
    </div>
  );
}

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
