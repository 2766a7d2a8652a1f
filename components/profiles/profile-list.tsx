"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { AttitudeFilter } from "@/components/ui/attitude-filter";
import { fetchParsed } from "@/components/ui/fetch-json";
import { Select } from "@/components/ui/field";
import { PagedTable } from "@/components/ui/paged-table";
import { SearchInput } from "@/components/ui/search-input";
import { useUrlQuery } from "@/components/ui/use-url-query";
import { CBT_TECHNIQUES } from "@/lib/cbt/techniques";
import { type ProfileListResponse, profileListResponseSchema } from "@/lib/profiles/schema";
import { PROFILE_COLUMNS } from "./profile-columns";

export function ProfileList() {
  const url = useUrlQuery();
  const { params, get, set } = url;
  const query = useQuery({
    queryKey: ["profiles", params.toString()],
    queryFn: async (): Promise<ProfileListResponse> =>
      fetchParsed(profileListResponseSchema, `/api/profiles?${params.toString()}`),
    placeholderData: keepPreviousData,
  });

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
        <AttitudeFilter value={get("attitude")} onChange={(attitude) => set({ attitude })} />
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
      <PagedTable
        query={query}
        url={url}
        columns={PROFILE_COLUMNS}
        what="profiles"
        testId="profile-table"
        hrefOf={(p) => `/profiles/${p.id}`}
        empty={
          <>
            Clear the filters, or import the paper&apos;s seed file with the form above or{" "}
            <code>npm run import</code>.
          </>
        }
      />
    </div>
  );
}
