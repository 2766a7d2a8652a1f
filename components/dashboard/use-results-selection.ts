"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { metricByKey } from "@/lib/dashboard/metrics";
import { RESULT_GROUPS, type ResultGroup } from "@/lib/dashboard/schema";

export interface Selection {
  metric: string;
  variant: string;
}

/**
 * The group shown and the bar or cell opened, kept in the URL so a drill-down can be shared and
 * reloaded. The native history API keeps the server from recomputing the dashboard on each click.
 */
export function useResultsSelection() {
  const searchParams = useSearchParams();
  const group: ResultGroup = RESULT_GROUPS.find((g) => g === searchParams.get("group")) ?? "all";
  const metric = searchParams.get("metric") ?? "";
  const variant = searchParams.get("variant") ?? "";
  const selection: Selection | null = metricByKey(metric) && variant ? { metric, variant } : null;

  const update = useCallback(
    (changes: Record<string, string | undefined>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      const query = next.toString();
      window.history.pushState(null, "", query ? `?${query}` : window.location.pathname);
    },
    [searchParams],
  );

  return {
    group,
    selection,
    setGroup: (g: ResultGroup) => update({ group: g === "all" ? undefined : g }),
    select: (s: Selection | null) => update({ metric: s?.metric, variant: s?.variant }),
  };
}
