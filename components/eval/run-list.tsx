import type { JudgedItem } from "@/lib/eval/schema";

/** Each run of a judged item: its score and the judge's reason, or why it failed (no score). */
export function RunList({ item, title }: { item: JudgedItem; title?: string }) {
  return (
    <ol className="mt-2 flex flex-col gap-1 text-xs text-fg-muted" aria-label={title}>
      {item.runs.map((run) => (
        <li key={run.run}>
          <span className="font-medium text-fg">
            {title ? `${title}, run` : "Run"} {run.run}:{" "}
          </span>
          {run.status === "failed" ? (
            <span className="text-danger">failed, no score — {run.error}</span>
          ) : (
            <>
              {run.score} — {run.reason}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
