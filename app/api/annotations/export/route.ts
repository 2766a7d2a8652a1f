import { annotationDownload } from "@/lib/export/annotation-download";
import { annotationExportQuerySchema } from "@/lib/export/schema";
import { route } from "@/lib/http/route";

/** Streams every annotation as CSV or JSONL, or the gold rewrites as fine-tuning pairs. */
export const GET = route({ role: "researcher", query: annotationExportQuerySchema }, async ({ query }) => {
  const { body, fileName, contentType } = await annotationDownload(query);
  return new Response(body, {
    headers: { "content-type": contentType, "content-disposition": `attachment; filename="${fileName}"` },
  });
});
