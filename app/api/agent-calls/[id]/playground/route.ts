import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";
import { openPlaygroundRun } from "@/lib/playground/run";
import { playgroundRunRequestSchema } from "@/lib/playground/schema";
import { getPlaygroundCallById } from "@/lib/playground/source";

export const dynamic = "force-dynamic";

/**
 * N samples of a stored call's prompt with an edited template, model or temperature, streamed as the
 * session stream is (newline-delimited JSON, lib/live/live-wire.ts). The session is not changed.
 */
export const POST = route(
  { role: "researcher", rateLimit: "generation", params: idParamsSchema, body: playgroundRunRequestSchema },
  async ({ request, params, body }) => {
    const call = await getPlaygroundCallById(params);
    const stream = openPlaygroundRun(call, body, request.signal);
    return new Response(stream, {
      headers: {
        "content-type": "application/x-ndjson; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        "x-accel-buffering": "no",
      },
    });
  },
);
