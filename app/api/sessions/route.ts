import { parseSearchParams, route } from "@/lib/http/route";
import { listSessions } from "@/lib/sessions/queries";
import { sessionListQuerySchema } from "@/lib/sessions/schema";

export const GET = route(async (request) => {
  const query = parseSearchParams(sessionListQuerySchema, new URL(request.url).searchParams);
  return Response.json(await listSessions(query));
});
