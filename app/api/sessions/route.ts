import { parseJsonBody, parseSearchParams, route } from "@/lib/http/route";
import { createSessionFromRequest } from "@/lib/sessions/create";
import { listSessions } from "@/lib/sessions/queries";
import { createSessionRequestSchema, sessionListQuerySchema } from "@/lib/sessions/schema";

export const GET = route(async (request) => {
  const query = parseSearchParams(sessionListQuerySchema, new URL(request.url).searchParams);
  return Response.json(await listSessions(query));
});

/** Creates a draft session with its configuration frozen; running it is a separate request. */
export const POST = route(async (request) => {
  const body = await parseJsonBody(createSessionRequestSchema, request);
  const session = await createSessionFromRequest(body);
  return Response.json({ id: session.id }, { status: 201 });
});
