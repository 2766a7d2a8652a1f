import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { importUploadedFiles } from "@/lib/import-export/magnet";

const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export const POST = route(async (request) => {
  const form = await request.formData().catch(() => {
    throw new AppError("bad_request", "Send the files as multipart/form-data", [
      { field: "files", message: "expected multipart/form-data" },
    ]);
  });
  const files = form
    .getAll("files")
    .filter((entry): entry is File => entry instanceof File && entry.size > 0);
  if (files.length === 0) {
    throw new AppError("validation", "Choose at least one JSON file to import", [
      { field: "files", message: "no file was uploaded" },
    ]);
  }
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  if (bytes > MAX_UPLOAD_BYTES) {
    throw new AppError("validation", `The upload is ${Math.round(bytes / 1e6)} MB; the limit is 64 MB`, [
      { field: "files", message: "too large" },
    ]);
  }
  const uploaded = await Promise.all(
    files.map(async (file) => ({ name: file.name, text: await file.text() })),
  );
  return Response.json(await importUploadedFiles(uploaded));
});
