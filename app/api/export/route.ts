import { exportDownload } from "@/lib/export/download";
import { exportQuerySchema } from "@/lib/export/schema";
import { route } from "@/lib/http/route";

/** Streams an export of the filtered sessions: a zip of files, or one CSV. */
export const GET = route({ role: "viewer", query: exportQuerySchema }, async ({ query }) => {
  const { body, fileName, contentType } = exportDownload(query);
  return new Response(body, {
    headers: { "content-type": contentType, "content-disposition": `attachment; filename="${fileName}"` },
  });
});
