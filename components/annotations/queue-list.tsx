import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { QueueSummary } from "@/lib/annotations/queue-schema";

/** The queues a person works on, with their own progress in each. */
export function QueueList({ queues, researcher }: { queues: QueueSummary[]; researcher: boolean }) {
  if (!queues.length) {
    return (
      <EmptyState title="No annotation queues yet">
        {researcher
          ? "Create one below from a filter of sessions or an experiment."
          : "A researcher assigns queues; they appear here."}
      </EmptyState>
    );
  }
  return (
    <ul className="grid gap-3 md:grid-cols-2" aria-label="Annotation queues">
      {queues.map((queue) => {
        const percent = queue.mine.total ? Math.round((queue.mine.done / queue.mine.total) * 100) : 0;
        return (
          <li key={queue.id}>
            <Card className="flex flex-col gap-2 p-4" data-testid="queue-card">
              <h2 className="font-semibold [overflow-wrap:anywhere]">{queue.name}</h2>
              <p className="text-xs text-fg-muted">
                {queue.sessions} session{queue.sessions === 1 ? "" : "s"} · {queue.overlap} annotator
                {queue.overlap === 1 ? "" : "s"} per session ·{" "}
                {queue.annotators.map((a) => a.name).join(", ")}
              </p>
              {queue.mine.total ? (
                <div className="flex items-center gap-2 text-xs">
                  <progress
                    className="w-32"
                    value={queue.mine.done}
                    max={queue.mine.total}
                    aria-label={`Your progress in ${queue.name}`}
                  />
                  <span>
                    {queue.mine.done} of {queue.mine.total} rounds ({percent}%)
                  </span>
                </div>
              ) : (
                <p className="text-xs text-fg-muted">Nothing of this queue is assigned to you.</p>
              )}
              <div className="flex flex-wrap gap-2">
                {queue.mine.total ? (
                  <Link href={`/annotate/${queue.id}`} className={buttonClass("primary")}>
                    {queue.mine.done ? "Resume" : "Start"}
                    <span className="sr-only"> {queue.name}</span>
                  </Link>
                ) : null}
                <Link href={`/annotate/${queue.id}/queue`} className={buttonClass("secondary")}>
                  Who did what<span className="sr-only"> in {queue.name}</span>
                </Link>
              </div>
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
