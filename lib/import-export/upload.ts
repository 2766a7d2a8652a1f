import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { VARIANTS } from "@/lib/pipeline/types";
import { parseOrThrow } from "@/lib/profiles/validation";
import { MAX_IMPORT_BYTES, MAX_IMPORT_FILES } from "./limits";
import { importUploadedFiles, type UploadedFile } from "./magnet";
import { tooManyFiles } from "./sources";
import type { ImportSummary } from "./summary";

// The Profiles page's upload: a multipart form with `files` (one or more JSON files) and `variant`
// (the method that wrote the session files). The body is bounded before it is parsed.

const uploadFieldsSchema = z.object({
  variant: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.enum(VARIANTS).default("magnet"),
  ),
});

/** Imports an upload; refuses it whole (4xx) when it is over a limit or nothing in it could be imported. */
export async function importUploadRequest(request: Request): Promise<ImportSummary> {
  const { files, variant } = await readUpload(request);
  const summary = await importUploadedFiles(files, { variant });
  if (summary.failed > 0 && summary.imported + summary.skipped === 0) throw nothingImported(summary);
  return summary;
}

async function readUpload(request: Request) {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) throw notMultipart();
  const body = await readLimitedBody(request, MAX_IMPORT_BYTES, "files");
  const form = await new Response(body, { headers: { "content-type": type } }).formData().catch(() => {
    throw notMultipart();
  });
  const entries = form.getAll("files");
  if (entries.length > MAX_IMPORT_FILES) throw tooManyFiles(entries.length, "files");
  const { variant } = parseOrThrow(uploadFieldsSchema, { variant: form.get("variant") });
  const chosen = entries.filter((entry): entry is File => entry instanceof File && entry.size > 0);
  if (chosen.length === 0) {
    throw new AppError("validation", "Choose at least one JSON file to import", [
      { field: "files", message: "no file was uploaded" },
    ]);
  }
  const files: UploadedFile[] = await Promise.all(
    chosen.map(async (file) => ({ name: file.name, text: await file.text() })),
  );
  return { files, variant };
}

function notMultipart(): AppError {
  return new AppError("bad_request", "Send the files as multipart/form-data", [
    { field: "files", message: "expected multipart/form-data" },
  ]);
}

function nothingImported(summary: ImportSummary): AppError {
  const first = summary.errors[0];
  const more = summary.failed > 1 ? ` (and ${summary.failed - 1} more failures)` : "";
  const issues = summary.errors.map((error) => ({
    field: error.record === error.file ? error.file : `${error.file} ${error.record}`,
    message: error.reason,
  }));
  return new AppError(
    "unprocessable",
    `Nothing was imported. ${issues[0].field}: ${first.reason}${more}`,
    issues,
  );
}
