"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { fetchJson } from "@/components/ui/fetch-json";
import { Select } from "@/components/ui/field";
import { STATUS_LABELS, VARIANT_LABELS } from "@/components/ui/labels";
import { Pager } from "@/components/ui/pager";
import { SearchInput } from "@/components/ui/search-input";
import { useUrlQuery } from "@/components/ui/use-url-query";
import { SESSION_STATUSES, SESSION_VARIANTS, type SessionListResponse } from "@/lib/sessions/schema";
import { SESSION_COLUMNS } from "./session-columns";

export function SessionList() {
  const { params, get, set } = useUrlQuery();
  const query = useQuery({
    queryKey: ["sessions", params.toString()],
    queryFn: () => fetchJson<SessionListResponse>(`/api/sessions?${params.toString()}`),
    placeholderData: keepPreviousData,
  });
  const data = query.data;

  return (
    <div className="flex flex-col gap-3">
      <search className="flex flex-wrap items-center gap-2">
        <SearchInput
          label="Search by client name"
          placeholder="Search client…"
          value={get("search")}
          onSearch={(search) => set({ search })}
          className="w-56"
        />
        <Select aria-label="Status" value={get("status")} onChange={(e) => set({ status: e.target.value })}>
          <option value="">All statuses</option>
          {SESSION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s].label}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Variant"
          value={get("variant")}
          onChange={(e) => set({ variant: e.target.value })}
        >
          <option value="">All variants</option>
          {SESSION_VARIANTS.map((v) => (
            <option key={v} value={v}>
              {VARIANT_LABELS[v]}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Attitude"
          value={get("attitude")}
          onChange={(e) => set({ attitude: e.target.value })}
        >
          <option value="">All attitudes</option>
          <option value="positive">Positive</option>
          <option value="neutral">Neutral</option>
          <option value="negative">Negative</option>
        </Select>
        <Select aria-label="Source" value={get("source")} onChange={(e) => set({ source: e.target.value })}>
          <option value="">Generated and imported</option>
          <option value="generated">Generated</option>
          <option value="imported">Imported</option>
        </Select>
      </search>
      {query.error ? (
        <p role="alert" className="text-sm text-danger">
          Could not load sessions: {query.error.message}
        </p>
      ) : null}
      {data && data.total === 0 ? (
        <EmptyState title="No sessions match">
          Import the paper&apos;s sessions from the Profiles page or with <code>npm run import</code>, or
          clear the filters.
        </EmptyState>
      ) : null}
      {data && data.total > 0 ? (
        <>
          <DataTable
            testId="session-table"
            columns={SESSION_COLUMNS}
            rows={data.items}
            rowKey={(s) => s.id}
            rowHref={(s) => `/sessions/${s.id}`}
            loading={query.isFetching}
            sort={{ key: get("sort") || "createdAt", order: get("order") === "asc" ? "asc" : "desc" }}
            onSort={(sort, order) => set({ sort, order })}
          />
          <Pager
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={(page) => set({ page })}
          />
        </>
      ) : null}
      {!data && query.isLoading ? <p className="text-sm text-fg-muted">Loading sessions…</p> : null}
    </div>
  );
}
