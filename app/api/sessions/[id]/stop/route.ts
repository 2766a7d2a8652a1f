import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";
import { requestSessionControl } from "@/lib/runs/live-run";

/** Stops the run now: calls in flight are cancelled, the session ends `stopped` (resumable). */
export const POST = route({ params: idParamsSchema, status: 202 }, async ({ params: { id } }) => {
  await requestSessionControl(id, "stop");
  return { sessionId: id, requested: "stop" };
});
