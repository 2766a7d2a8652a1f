import { route } from "@/lib/http/route";
import { importUploadRequest } from "@/lib/import-export/upload";

/** Multipart `files` (JSON) and `variant`; limits and per-record failures are explained in the body. */
export const POST = route({ role: "researcher", multipart: true }, ({ request }) =>
  importUploadRequest(request),
);
