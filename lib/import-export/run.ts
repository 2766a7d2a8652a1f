// The tally of one import: counts, and the failures up to a bound (the rest are only counted), so a
// file of a million broken records reports in bounded memory.

import { MAX_LISTED_ERRORS } from "./limits";
import type { ImportFailure, ImportProgress, ImportSummary } from "./summary";

export class ImportRun {
  private readonly result: ImportSummary = {
    imported: 0,
    skipped: 0,
    failed: 0,
    errors: [],
    errorsNotListed: 0,
  };
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly onProgress?: (progress: ImportProgress) => void,
  ) {}

  imported(count = 1) {
    this.result.imported += count;
  }

  skipped(count = 1) {
    this.result.skipped += count;
  }

  fail(failure: ImportFailure) {
    this.result.failed += 1;
    if (this.result.errors.length < MAX_LISTED_ERRORS) this.result.errors.push(failure);
    else this.result.errorsNotListed += 1;
  }

  advance(phase: ImportProgress["phase"], count: number) {
    this.done += count;
    this.onProgress?.({ done: this.done, total: this.total, phase });
  }

  summary(): ImportSummary {
    return { ...this.result, errors: [...this.result.errors] };
  }
}

export function failureOf(item: { record: string; file: string }, error: unknown): ImportFailure {
  return { record: item.record, file: item.file, reason: reasonOf(error) };
}

export function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Database errors carry a multi-line trace of the query; the last line says what went wrong.
  const lines = error.message.split("\n").filter((line) => line.trim());
  return lines.length > 1 ? lines[lines.length - 1].trim() : error.message;
}
