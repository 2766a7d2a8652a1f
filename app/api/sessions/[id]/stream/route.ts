import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";
import { openSessionStream } from "@/lib/live/live-stream";

export const dynamic = "force-dynamic";

/** The session's live stream: newline-delimited JSON, see lib/live/live-wire.ts. */
export const GET = route({ role: "viewer", params: idParamsSchema }, async ({ request, params: { id } }) => {
  const body = await openSessionStream(id, request.signal);
  return new Response(body, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
