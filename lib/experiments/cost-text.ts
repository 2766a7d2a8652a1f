import type { ExperimentProgress } from "./schema";

// How an experiment's cost reads, in the page and in `npm run experiment`: sessions on the offline
// simulator cost nothing, and "$0.0000" would look like a price nobody knew.

const FREE_COST_TEXT = "Free (offline simulator)";

function dollars(amount: number): string {
  return `$${amount.toFixed(4)}`;
}

/** Before its first call an experiment has neither spent nor estimated anything, even on the simulator. */
function costNotYetKnown(cost: NonNullable<ExperimentProgress["cost"]>): boolean {
  return !cost.free && cost.spent === 0 && cost.estimatedTotal === 0;
}

/** "$0.0123 of ~$0.0400", or that the simulator is free; null when no price is known (yet). */
export function costSoFarText(cost: ExperimentProgress["cost"]): string | null {
  if (!cost || costNotYetKnown(cost)) return null;
  if (cost.free) return FREE_COST_TEXT;
  return `${dollars(cost.spent)} of ~${dollars(cost.estimatedTotal)}`;
}
