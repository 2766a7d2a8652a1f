import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";
import { forkSessionById } from "@/lib/sessions/fork";
import { forkSessionRequestSchema, forkSessionResponseSchema } from "@/lib/sessions/schema";

/**
 * A new session sharing rounds 1..round with this one, paused, to run on its own with its own models,
 * temperatures, prompt versions or an edited message; the parent is unchanged. An edited counselor
 * reply is answered by the client agent before the fork is returned (hence the generation budget).
 */
export const POST = route(
  {
    role: "researcher",
    rateLimit: "generation",
    params: idParamsSchema,
    body: forkSessionRequestSchema,
    response: forkSessionResponseSchema,
    status: 201,
  },
  ({ params: { id }, body }) => forkSessionById({ id, fork: body }),
);
