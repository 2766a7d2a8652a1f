"use client";

import { useQueries } from "@tanstack/react-query";
import { fetchParsed } from "@/components/ui/fetch-json";
import { plural } from "@/components/ui/labels";
import { modelArms, sessionCount, takenProfileCount } from "@/lib/experiments/design";
import { type ExperimentSize, MAX_EXPERIMENT_SESSIONS } from "@/lib/experiments/schema";
import { profileListResponseSchema } from "@/lib/profiles/schema";

/** How many profiles match each of the design's attitudes (once, for every attitude, when none is named). */
function useMatchingProfiles(size: ExperimentSize | null) {
  return useQueries({
    queries: (size?.attitudes ?? [undefined]).map((attitude) => ({
      queryKey: ["profiles", "count", attitude ?? "all"],
      queryFn: () =>
        fetchParsed(profileListResponseSchema, `/api/profiles?pageSize=1&attitude=${attitude ?? ""}`),
      enabled: size !== null,
    })),
    combine: (results) =>
      results.every((result) => result.data) ? results.map((result) => result.data?.total ?? 0) : null,
  });
}

/** What "Create and queue" will make: the sessions of the design, counted as the server expands it. */
export function PlannedSessions({ size }: { size: ExperimentSize | null }) {
  const matching = useMatchingProfiles(size);
  return (
    <p className="text-sm text-fg-muted" data-testid="planned-sessions" aria-live="polite">
      {plannedText(size, matching)}
    </p>
  );
}

function plannedText(size: ExperimentSize | null, matching: number[] | null): string {
  if (!size) return "Choose at least one variant and a repeat count to see how many sessions this creates.";
  if (!matching) return "Counting the matching profiles…";
  const profiles = takenProfileCount(size, matching);
  if (!profiles) return "No client profile matches these attitudes.";
  const total = sessionCount(size, profiles);
  const formula = [
    plural(profiles, "profile"),
    plural(size.variants.length, "variant"),
    plural(modelArms(size.models).length, "model arm"),
    plural(size.repeats, "repeat"),
  ].join(" × ");
  const tooMany =
    total > MAX_EXPERIMENT_SESSIONS ? ` — more than the ${MAX_EXPERIMENT_SESSIONS} allowed` : "";
  return `Creates ${plural(total, "session")}: ${formula}${tooMany}.`;
}
