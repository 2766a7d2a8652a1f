// What an import reports, as zod schemas so the upload form can check the answer it receives.
// Safe to import from client components.

import { z } from "zod";

export const importFailureSchema = z.object({
  /** "index 17" for a record of a seed array; the file name for a session file or an unreadable file. */
  record: z.string(),
  /** The file the record came from. */
  file: z.string(),
  /** What is wrong, naming the field when a field is wrong. */
  reason: z.string(),
});

export type ImportFailure = z.infer<typeof importFailureSchema>;

export const importSummarySchema = z.object({
  imported: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  /** The first failures (at most 100), in the order they were found. */
  errors: z.array(importFailureSchema),
  /** Failures beyond those listed. */
  errorsNotListed: z.number().int(),
});

export type ImportSummary = z.infer<typeof importSummarySchema>;

export interface ImportProgress {
  done: number;
  total: number;
  phase: "profiles" | "sessions";
}
