"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef } from "react";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/components/ui/fetch-json";
import type { ImportSummary } from "@/lib/import-export/summary";

export function ImportForm() {
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const upload = useMutation({
    mutationFn: (body: FormData) => fetchJson<ImportSummary>("/api/import", { method: "POST", body }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["profiles"] });
      queryClient.invalidateQueries({ queryKey: ["sessions"] });
      form.current?.reset();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    upload.mutate(new FormData(event.currentTarget));
  }

  return (
    <details className="mb-6 rounded-lg border border-border bg-surface-raised">
      <summary className="cursor-pointer px-4 py-3 text-sm font-medium">Import MAGneT data</summary>
      <form ref={form} onSubmit={submit} className="flex flex-col gap-3 border-t border-border px-4 py-3">
        <p className="text-sm text-fg-muted">
          Choose the seed file (<code>intake-forms.json</code>) and/or session files (
          <code>session_N.json</code>). Re-importing the same files creates no duplicates.
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <label className="text-sm">
            <span className="sr-only">Files to import</span>
            <input
              name="files"
              type="file"
              accept=".json,application/json"
              multiple
              required
              data-testid="import-files"
              className="text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-surface-muted file:px-3 file:py-1.5 file:text-sm"
            />
          </label>
          <Button type="submit" variant="primary" disabled={upload.isPending}>
            {upload.isPending ? "Importing…" : "Import"}
          </Button>
        </div>
        {upload.error ? (
          <p role="alert" className="text-sm text-danger">
            {upload.error.message}
          </p>
        ) : null}
        {upload.data ? <ImportResult summary={upload.data} /> : null}
      </form>
    </details>
  );
}

function ImportResult({ summary }: { summary: ImportSummary }) {
  return (
    <div className="rounded-md bg-surface-muted px-3 py-2 text-sm" data-testid="import-summary" role="status">
      <p>
        Imported <strong>{summary.imported}</strong> · skipped <strong>{summary.skipped}</strong> (already
        present) · failed{" "}
        <strong className={summary.failed ? "text-danger" : undefined}>{summary.failed}</strong>
      </p>
      {summary.errors.length ? (
        <ul className="mt-2 list-disc pl-5 text-xs text-danger">
          {summary.errors.slice(0, 50).map((e) => (
            <li key={`${e.record}:${e.reason}`}>
              {e.record}: {e.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
