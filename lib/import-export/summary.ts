// What an import reports. Plain types, safe to import from client components.

export interface ImportFailure {
  /** "index 17" for a record of a seed array; the file name for a session file or an unreadable file. */
  record: string;
  /** The file the record came from. */
  file: string;
  /** What is wrong, naming the field when a field is wrong. */
  reason: string;
}

export interface ImportSummary {
  imported: number;
  skipped: number;
  failed: number;
  /** The first failures (at most 100), in the order they were found. */
  errors: ImportFailure[];
  /** Failures beyond those listed. */
  errorsNotListed: number;
}

export interface ImportProgress {
  done: number;
  total: number;
  phase: "profiles" | "sessions";
}
