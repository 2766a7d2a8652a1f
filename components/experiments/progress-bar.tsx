import type { ExperimentProgress } from "@/lib/experiments/schema";

/** Sessions finished out of all, with the failed share in its own colour. */
export function ProgressBar({
  experiment,
  compact = false,
}: {
  experiment: ExperimentProgress;
  compact?: boolean;
}) {
  const { total, done, failed } = experiment.counts;
  const finished = done + failed;
  const percent = (n: number) => (total ? (n / total) * 100 : 100);
  return (
    <div className="grid gap-1">
      <div
        role="progressbar"
        aria-label={`Sessions finished in ${experiment.name}`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={finished}
        aria-valuetext={`${finished} of ${total} sessions finished`}
        className={`flex w-full overflow-hidden rounded-full bg-surface-muted ${compact ? "h-1.5" : "h-3"}`}
        data-testid="experiment-progress"
      >
        <div className="bg-success" style={{ width: `${percent(done)}%` }} />
        <div className="bg-danger" style={{ width: `${percent(failed)}%` }} />
      </div>
      <span className="text-xs text-fg-muted tabular-nums">
        {finished} / {total} sessions
      </span>
    </div>
  );
}
