const FORMATS = [
  ["annotations-csv", "CSV"],
  ["annotations-jsonl", "JSONL"],
  ["gold-jsonl", "Gold rewrites (chat JSONL)"],
] as const;

/**
 * Downloads of every annotation (of one queue, if given), streamed by the server; until someone has
 * annotated, a note instead of links to empty files.
 */
export function AnnotationExportLinks({ queueId, empty }: { queueId?: string; empty: boolean }) {
  if (empty) {
    return (
      <p className="text-sm text-fg-muted" data-testid="nothing-to-export">
        Nothing to export yet: annotations can be downloaded once someone has rated a turn.
      </p>
    );
  }
  return (
    <nav aria-label="Export annotations" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="text-fg-muted">Export{queueId ? " this queue" : " all annotations"}:</span>
      {FORMATS.map(([format, label]) => (
        <a
          key={format}
          href={`/api/annotations/export?format=${format}${queueId ? `&queueId=${queueId}` : ""}`}
          className="text-accent underline"
          download
        >
          {label}
        </a>
      ))}
    </nav>
  );
}
