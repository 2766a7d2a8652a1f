import { recordAudit } from "@/lib/auth/audit";
import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";
import { startFollowUpSession } from "@/lib/sessions/follow-up";
import { forkSessionResponseSchema } from "@/lib/sessions/schema";

/** Session 2 for the same client: a draft whose agents get a summary of this one (written now). */
export const POST = route(
  {
    role: "researcher",
    rateLimit: "generation",
    params: idParamsSchema,
    response: forkSessionResponseSchema,
    status: 201,
  },
  async ({ params, user }) => {
    const created = await startFollowUpSession(params);
    await recordAudit({
      actorId: user.id,
      action: "session.created",
      targetType: "session",
      targetId: created.id,
    });
    return created;
  },
);
