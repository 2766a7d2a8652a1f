"use client";

import { createContext, useContext } from "react";
import { formatDate } from "@/components/ui/labels";
import type { LiveIntervention } from "@/lib/live/live-state";
import type { InterventionKind } from "@/lib/pipeline/steering";

/** An intervention as the session page shows it. */
export type InterventionItem = LiveIntervention;

/** The session's interventions (stored when the page loaded, then heard live), for each round to show its own. */
export const InterventionsContext = createContext<InterventionItem[]>([]);

const WHAT: Record<InterventionKind, string> = {
  selection_override: "overrode the selection",
  counselor_edit: "edited the counselor's reply",
  counselor_written: "wrote the counselor's reply",
  client_written: "wrote the client's reply",
  output_regenerated: "regenerated",
};

/** Who changed what in the round, and when (UTC). */
export function RoundInterventions({ roundIndex }: { roundIndex: number }) {
  const items = useContext(InterventionsContext).filter((item) => item.roundIndex === roundIndex);
  if (items.length === 0) return null;
  return (
    <ul className="mb-3 text-xs text-fg-muted" data-testid="interventions" aria-label="Interventions">
      {items.map((item) => (
        <li key={item.id}>
          <span className="font-medium text-fg">{item.userName}</span> {WHAT[item.kind]}
          {item.output ? ` the ${item.output.replace("candidate:", "").replaceAll("_", " ")} output` : ""} ·{" "}
          {formatDate(item.at)} UTC
        </li>
      ))}
    </ul>
  );
}
