"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { type Column, DataTable } from "./data-table";
import { EmptyState } from "./empty-state";
import { Pager } from "./pager";
import type { useUrlQuery } from "./use-url-query";

interface Page<Row> {
  items: Row[];
  total: number;
  page: number;
  pageSize: number;
}

/** Keys of a list's URL that arrange the rows rather than choose them. */
const ARRANGING = new Set(["page", "sort", "order"]);

/** Whether the URL narrows the list, so that an empty list may only be a filter's doing. */
export function filtered(params: URLSearchParams): boolean {
  return [...params.entries()].some(([key, value]) => value !== "" && !ARRANGING.has(key));
}

/** A server-paged list: error, empty state, the table and its pager, with paging and sorting in the URL. */
export function PagedTable<Row extends { id: string }>({
  query,
  url,
  columns,
  what,
  empty,
  hrefOf,
  testId,
  defaultSort,
}: {
  query: UseQueryResult<Page<Row>>;
  url: ReturnType<typeof useUrlQuery>;
  columns: Column<Row>[];
  /** Plural noun for messages, e.g. "sessions". */
  what: string;
  empty: ReactNode;
  hrefOf: (row: Row) => string;
  testId: string;
  /** Sortable lists name their default sort column. */
  defaultSort?: string;
}) {
  const { data } = query;
  const sort = defaultSort
    ? {
        key: url.get("sort") || defaultSort,
        order: url.get("order") === "asc" ? ("asc" as const) : ("desc" as const),
      }
    : undefined;
  return (
    <>
      {query.error ? (
        <p role="alert" className="text-sm text-danger">
          Could not load {what}: {query.error.message}
        </p>
      ) : null}
      {data && data.total === 0 ? (
        <EmptyState title={filtered(url.params) ? `No ${what} match` : `No ${what} yet`}>{empty}</EmptyState>
      ) : null}
      {data && data.total > 0 ? (
        <>
          <DataTable
            testId={testId}
            label={what.charAt(0).toUpperCase() + what.slice(1)}
            columns={columns}
            rows={data.items}
            rowKey={(row) => row.id}
            rowHref={hrefOf}
            loading={query.isFetching}
            sort={sort}
            onSort={sort ? (key, order) => url.set({ sort: key, order }) : undefined}
          />
          <Pager
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={(page) => url.set({ page })}
          />
        </>
      ) : null}
      {!data && query.isLoading ? <p className="text-sm text-fg-muted">Loading {what}…</p> : null}
    </>
  );
}
