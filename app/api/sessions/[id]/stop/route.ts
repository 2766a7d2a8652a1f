import { recordAudit } from "@/lib/auth/audit";
import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";
import { requestSessionControl } from "@/lib/runs/live-run";

/** Stops the run now: calls in flight are cancelled, the session ends `stopped` (resumable). */
export const POST = route(
  { role: "researcher", params: idParamsSchema, status: 202 },
  async ({ params: { id }, user }) => {
    await requestSessionControl(id, "stop");
    await recordAudit({ actorId: user.id, action: "session.stopped", targetType: "session", targetId: id });
    return { sessionId: id, requested: "stop" };
  },
);
