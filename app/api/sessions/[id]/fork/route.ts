import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";
import { forkSessionById } from "@/lib/sessions/fork";
import { forkSessionRequestSchema, forkSessionResponseSchema } from "@/lib/sessions/schema";

/** A new session sharing rounds 1..round with this one, paused, to run on its own; the parent is unchanged. */
export const POST = route(
  {
    role: "researcher",
    params: idParamsSchema,
    body: forkSessionRequestSchema,
    response: forkSessionResponseSchema,
    status: 201,
  },
  ({ params: { id }, body }) => forkSessionById({ id, fork: body }),
);
