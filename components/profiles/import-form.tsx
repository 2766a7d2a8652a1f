"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/field";
import { VARIANT_LABELS } from "@/components/ui/labels";
import type { ImportSummary } from "@/lib/import-export/summary";
import { SESSION_VARIANTS } from "@/lib/sessions/schema";
import { ImportRefused, postImport } from "./import-request";

export function ImportForm() {
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const upload = useMutation({
    mutationFn: postImport,
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
          <code>session_N.json</code>, as the official scripts write them or as published). The files do not
          say which method wrote them: choose it below. Re-importing the same files creates no duplicates.
        </p>
        <div className="flex flex-wrap items-end gap-3">
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
          <div className="grid gap-1">
            <Label htmlFor="import-variant">Sessions written by</Label>
            <Select id="import-variant" name="variant" defaultValue="magnet" data-testid="import-variant">
              {SESSION_VARIANTS.map((v) => (
                <option key={v} value={v}>
                  {VARIANT_LABELS[v]}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit" variant="primary" disabled={upload.isPending}>
            {upload.isPending ? "Importing…" : "Import"}
          </Button>
        </div>
        {upload.error ? <ImportError error={upload.error} /> : null}
        {upload.data ? <ImportResult summary={upload.data} /> : null}
      </form>
    </details>
  );
}

function ImportError({ error }: { error: Error }) {
  const issues = error instanceof ImportRefused ? error.issues : [];
  return (
    <div role="alert" className="text-sm text-danger" data-testid="import-error">
      <p>{error.message}</p>
      {issues.length > 1 ? (
        <ul className="mt-2 list-disc pl-5 text-xs">
          {issues.map((issue) => (
            <li key={`${issue.field}:${issue.message}`}>
              {issue.field}: {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
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
          {summary.errors.map((e) => (
            <li key={`${e.file}:${e.record}:${e.reason}`}>
              {e.record === e.file ? e.file : `${e.file} ${e.record}`}: {e.reason}
            </li>
          ))}
          {summary.errorsNotListed ? <li>… and {summary.errorsNotListed} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
