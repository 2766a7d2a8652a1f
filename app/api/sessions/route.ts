import { recordAudit } from "@/lib/auth/audit";
import { route } from "@/lib/http/route";
import { createSessionFromRequest } from "@/lib/sessions/create";
import { listSessions } from "@/lib/sessions/queries";
import {
  createdSessionSchema,
  createSessionRequestSchema,
  sessionListQuerySchema,
  sessionListResponseSchema,
} from "@/lib/sessions/schema";

export const GET = route(
  { role: "viewer", query: sessionListQuerySchema, response: sessionListResponseSchema },
  ({ query }) => listSessions(query),
);

/** Creates a draft session with its configuration frozen; running it is a separate request. */
export const POST = route(
  {
    role: "researcher",
    rateLimit: "generation",
    body: createSessionRequestSchema,
    response: createdSessionSchema,
    status: 201,
  },
  async ({ body, user }) => {
    const session = await createSessionFromRequest(body);
    await recordAudit({
      actorId: user.id,
      action: "session.created",
      targetType: "session",
      targetId: session.id,
    });
    return { id: session.id };
  },
);
