"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { fetchParsed } from "@/components/ui/fetch-json";
import { experimentListResponseSchema } from "@/lib/experiments/schema";
import { EXPERIMENT_COLUMNS } from "./experiment-columns";

export function ExperimentList({ canCreate }: { canCreate: boolean }) {
  const query = useQuery({
    queryKey: ["experiments"],
    queryFn: () => fetchParsed(experimentListResponseSchema, "/api/experiments?pageSize=100"),
    refetchInterval: (q) =>
      q.state.data?.items.some((e) => !e.finished && e.status === "running") ? 3_000 : false,
  });
  if (query.error)
    return (
      <p role="alert" className="text-sm text-danger">
        {query.error.message}
      </p>
    );
  if (query.data && query.data.items.length === 0)
    return (
      <EmptyState title="No experiments yet">
        {canCreate ? (
          <>
            <Link href="/experiments/new" className="underline">
              Create one
            </Link>{" "}
            to compare variants and models over many sessions, or run <code>npm run experiment</code>.
          </>
        ) : (
          "A researcher creates them."
        )}
      </EmptyState>
    );
  return (
    <DataTable
      label="Experiments"
      testId="experiment-list"
      columns={EXPERIMENT_COLUMNS}
      rows={query.data?.items ?? []}
      rowKey={(e) => e.id}
      rowHref={(e) => `/experiments/${e.id}`}
      loading={query.isFetching && !query.data}
    />
  );
}
