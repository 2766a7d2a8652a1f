import { route } from "@/lib/http/route";
import { createSessionFromRequest } from "@/lib/sessions/create";
import { listSessions } from "@/lib/sessions/queries";
import { createSessionRequestSchema, sessionListQuerySchema } from "@/lib/sessions/schema";

export const GET = route({ query: sessionListQuerySchema }, ({ query }) => listSessions(query));

/** Creates a draft session with its configuration frozen; running it is a separate request. */
export const POST = route({ body: createSessionRequestSchema, status: 201 }, async ({ body }) => {
  const session = await createSessionFromRequest(body);
  return { id: session.id };
});
