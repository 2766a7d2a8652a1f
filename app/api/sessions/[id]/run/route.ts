import { parseJsonBody, route } from "@/lib/http/route";
import { startSessionRun } from "@/lib/sessions/live-run";
import { runSessionRequestSchema } from "@/lib/sessions/schema";

/** Starts (or resumes) generation on the server; it goes on whether or not anyone watches. 409 if running. */
export const POST = route(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const { mode } = await parseJsonBody(runSessionRequestSchema, request);
  await startSessionRun(id, mode);
  return Response.json({ sessionId: id, mode, started: true }, { status: 202 });
});
