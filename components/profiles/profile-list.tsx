"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { fetchJson } from "@/components/ui/fetch-json";
import { Select } from "@/components/ui/field";
import { Pager } from "@/components/ui/pager";
import { SearchInput } from "@/components/ui/search-input";
import { useUrlQuery } from "@/components/ui/use-url-query";
import { CBT_TECHNIQUES } from "@/lib/cbt/techniques";
import { type ProfileListResponse, profileListResponseSchema } from "@/lib/profiles/schema";
import { PROFILE_COLUMNS } from "./profile-columns";

export const PROFILES_QUERY_KEY = "profiles";

export function ProfileList() {
  const { params, get, set } = useUrlQuery();
  const query = useQuery({
    queryKey: [PROFILES_QUERY_KEY, params.toString()],
    queryFn: async (): Promise<ProfileListResponse> =>
      profileListResponseSchema.parse(await fetchJson(`/api/profiles?${params.toString()}`)),
    placeholderData: keepPreviousData,
  });
  const data = query.data;

  return (
    <div className="flex flex-col gap-3">
      <search className="flex flex-wrap items-center gap-2">
        <SearchInput
          label="Search profiles"
          placeholder="Search name, problem, occupation…"
          value={get("search")}
          onSearch={(search) => set({ search })}
          className="w-72"
        />
        <Select
          aria-label="Attitude"
          data-testid="filter-attitude"
          value={get("attitude")}
          onChange={(e) => set({ attitude: e.target.value })}
        >
          <option value="">All attitudes</option>
          <option value="positive">Positive</option>
          <option value="neutral">Neutral</option>
          <option value="negative">Negative</option>
        </Select>
        <Select
          aria-label="Reference technique"
          value={get("technique")}
          onChange={(e) => set({ technique: e.target.value })}
        >
          <option value="">All techniques</option>
          {CBT_TECHNIQUES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
        <Select aria-label="Source" value={get("source")} onChange={(e) => set({ source: e.target.value })}>
          <option value="">Samples and imported</option>
          <option value="sample">Samples</option>
          <option value="imported">Imported</option>
        </Select>
      </search>
      {query.error ? (
        <p role="alert" className="text-sm text-danger">
          Could not load profiles: {query.error.message}
        </p>
      ) : null}
      {data && data.total === 0 ? (
        <EmptyState title="No profiles match">
          Clear the filters, or import the paper&apos;s seed file with the form above or{" "}
          <code>npm run import</code>.
        </EmptyState>
      ) : null}
      {data && data.total > 0 ? (
        <>
          <DataTable
            testId="profile-table"
            columns={PROFILE_COLUMNS}
            rows={data.items}
            rowKey={(p) => p.id}
            rowHref={(p) => `/profiles/${p.id}`}
            loading={query.isFetching}
          />
          <Pager
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={(page) => set({ page })}
          />
        </>
      ) : null}
      {!data && query.isLoading ? <p className="text-sm text-fg-muted">Loading profiles…</p> : null}
    </div>
  );
}
