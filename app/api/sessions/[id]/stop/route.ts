import { route } from "@/lib/http/route";
import { requestSessionControl } from "@/lib/sessions/live-run";

/** Stops the run now: calls in flight are cancelled, the session ends `stopped` (resumable). */
export const POST = route(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  await requestSessionControl(id, "stop");
  return Response.json({ sessionId: id, requested: "stop" }, { status: 202 });
});
