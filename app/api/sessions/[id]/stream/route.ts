import { route } from "@/lib/http/route";
import { openSessionStream } from "@/lib/sessions/live-stream";

export const dynamic = "force-dynamic";

/** The session's live stream: newline-delimited JSON, see lib/sessions/live-wire.ts. */
export const GET = route(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const body = await openSessionStream(id, request.signal);
  return new Response(body, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
