import type { MethodSwitches, SessionConfig } from "./types";

// The departures from the published method a session may make, in words: for the New session form, the
// session header, the CLI's help and the README. Client-safe (types only).

export interface SwitchInfo {
  /** Short, for a badge: what the session does differently. */
  label: string;
  /** What the paper does (the default). */
  paper: string;
}

export const SWITCH_INFO: Record<keyof MethodSwitches | "minRoundsBeforeEnd", SwitchInfo> = {
  fuseSelectedOnly: {
    label: "Fuses only the chosen candidates",
    paper:
      "The response generator gets all five candidates and the selector's answer, and starts when all are done.",
  },
  shortAnswers: {
    label: "Short answers asked for",
    paper: "No prompt sets a length, a number of steps or a number of questions.",
  },
  minRoundsBeforeEnd: {
    label: "Client may not end before round",
    paper: "The client's [/END] ends the session whenever it appears.",
  },
};

type Departable = Pick<SessionConfig, "switches" | "minRoundsBeforeEnd"> & { sequential?: boolean };

/** The config's departures from the paper, as badge labels; none for the published method. */
export function departuresOf(config: Departable): string[] {
  const labels: string[] = [];
  if (config.switches.fuseSelectedOnly) labels.push(SWITCH_INFO.fuseSelectedOnly.label);
  if (config.switches.shortAnswers) labels.push(SWITCH_INFO.shortAnswers.label);
  if (config.minRoundsBeforeEnd > 1)
    labels.push(`${SWITCH_INFO.minRoundsBeforeEnd.label} ${config.minRoundsBeforeEnd}`);
  if (config.sequential) labels.push("Calls run one after another (benchmark reference)");
  return labels;
}
