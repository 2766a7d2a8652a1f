"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ExportDownload } from "@/components/export/export-download";
import { AttitudeFilter } from "@/components/ui/attitude-filter";
import { buttonClass } from "@/components/ui/button";
import { fetchParsed } from "@/components/ui/fetch-json";
import { Select } from "@/components/ui/field";
import { STATUS_LABELS, VARIANT_LABELS } from "@/components/ui/labels";
import { filtered, PagedTable } from "@/components/ui/paged-table";
import { SearchInput } from "@/components/ui/search-input";
import { useUrlQuery } from "@/components/ui/use-url-query";
import { SESSION_STATUSES, SESSION_VARIANTS, sessionListResponseSchema } from "@/lib/sessions/schema";
import { SESSION_COLUMNS } from "./session-columns";

/** The list's set filters, for the Diversity page. */
function diversityQuery(params: URLSearchParams): string {
  const query = new URLSearchParams();
  for (const key of ["variant", "attitude", "source"]) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  return query.toString();
}

export function SessionList() {
  const url = useUrlQuery();
  const { params, get, set } = url;
  const query = useQuery({
    queryKey: ["sessions", params.toString()],
    queryFn: () => fetchParsed(sessionListResponseSchema, `/api/sessions?${params.toString()}`),
    placeholderData: keepPreviousData,
    // A running session may start or stop waiting for a person at any moment.
    refetchInterval: (q) => (q.state.data?.items.some((s) => s.status === "running") ? 3_000 : false),
  });

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
        <AttitudeFilter value={get("attitude")} onChange={(attitude) => set({ attitude })} />
        <Select aria-label="Source" value={get("source")} onChange={(e) => set({ source: e.target.value })}>
          <option value="">Generated and imported</option>
          <option value="generated">Generated</option>
          <option value="imported">Imported</option>
        </Select>
        {get("experiment") ? (
          <button
            type="button"
            className={buttonClass("secondary")}
            onClick={() => set({ experiment: undefined })}
            data-testid="experiment-filter"
          >
            One experiment&apos;s sessions · show all
          </button>
        ) : null}
        <ExportDownload filters={params} />
        <Link
          href={`/sessions/diversity?${diversityQuery(params)}`}
          className="text-sm text-accent underline-offset-2 hover:underline"
          title="Distinct-n and EAD of the sessions these filters select"
        >
          Diversity of these sessions
        </Link>
      </search>
      <PagedTable
        query={query}
        url={url}
        columns={SESSION_COLUMNS}
        what="sessions"
        testId="session-table"
        hrefOf={(s) => `/sessions/${s.id}`}
        defaultSort="createdAt"
        empty={
          <>
            Start one with <strong>New session</strong>, import the paper&apos;s sessions from the Profiles
            page or with <code>npm run import</code>
            {filtered(params) ? ", or clear the filters" : ""}.
          </>
        }
      />
    </div>
  );
}
