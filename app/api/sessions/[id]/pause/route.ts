import { route } from "@/lib/http/route";
import { requestSessionControl } from "@/lib/sessions/live-run";

/** Lets the round in progress finish, then pauses the session. */
export const POST = route(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  await requestSessionControl(id, "pause");
  return Response.json({ sessionId: id, requested: "pause" }, { status: 202 });
});
