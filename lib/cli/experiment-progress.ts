import { costSoFarText } from "@/lib/experiments/cost-text";
import type { ExperimentProgress } from "@/lib/experiments/schema";

// The one line `npm run experiment -- --wait` redraws while it follows an experiment.

const BAR_WIDTH = 24;

export function progressLine(p: ExperimentProgress): string {
  const c = p.counts;
  const ratio = c.total ? (c.done + c.failed) / c.total : 1;
  const filled = Math.round(ratio * BAR_WIDTH);
  const tokens = (p.tokens.input + p.tokens.output).toLocaleString("en");
  const cost = costSoFarText(p.cost);
  const left = p.secondsLeft === null ? "" : ` · ~${formatSeconds(p.secondsLeft)} left`;
  return (
    `[${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}] ${c.done + c.failed}/${c.total} ` +
    `(${c.done} done, ${c.running} running, ${c.failed} failed, ${c.queued} queued) · ` +
    `rounds ${p.rounds.done}/${p.rounds.planned} · tokens ${tokens}${cost ? ` · ${cost}` : ""}${left}`
  );
}

function formatSeconds(seconds: number): string {
  return seconds >= 90 ? `${Math.round(seconds / 60)} min` : `${seconds} s`;
}
