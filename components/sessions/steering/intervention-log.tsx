"use client";

import { createContext, useContext } from "react";
import { formatDate } from "@/components/ui/labels";
import type { InterventionKind } from "@/lib/pipeline/steering";

/** A stored intervention as the session page shows it. */
export interface InterventionItem {
  roundIndex: number;
  kind: InterventionKind;
  userName: string;
  /** ISO date. */
  at: string;
  /** The output regenerated, for output_regenerated. */
  output?: string;
}

/** The session's stored interventions (as the page loaded them), for each round to show its own. */
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
        <li key={`${item.at}:${item.kind}:${item.output ?? ""}`}>
          <span className="font-medium text-fg">{item.userName}</span> {WHAT[item.kind]}
          {item.output ? ` the ${item.output.replace("candidate:", "").replaceAll("_", " ")} output` : ""} ·{" "}
          {formatDate(item.at)} UTC
        </li>
      ))}
    </ul>
  );
}
