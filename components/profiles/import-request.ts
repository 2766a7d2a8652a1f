import { z } from "zod";
import { type ImportSummary, importSummarySchema } from "@/lib/import-export/summary";

// Posts the upload form and reads either answer: the summary, or a refusal whose issues name the
// files and records at fault.

const refusalSchema = z.object({
  error: z.object({
    message: z.string(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).default([]),
  }),
});

export class ImportRefused extends Error {
  constructor(
    message: string,
    readonly issues: { field: string; message: string }[],
  ) {
    super(message);
  }
}

export async function postImport(body: FormData): Promise<ImportSummary> {
  const response = await fetch("/api/import", { method: "POST", body });
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return importSummarySchema.parse(json);
  const refusal = refusalSchema.safeParse(json);
  if (!refusal.success) throw new ImportRefused(`The import failed (HTTP ${response.status})`, []);
  throw new ImportRefused(refusal.data.error.message, refusal.data.error.issues);
}
