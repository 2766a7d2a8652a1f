import { parseSearchParams, route } from "@/lib/http/route";
import { listProfiles } from "@/lib/profiles/queries";
import { profileListQuerySchema } from "@/lib/profiles/schema";

export const GET = route(async (request) => {
  const query = parseSearchParams(profileListQuerySchema, new URL(request.url).searchParams);
  return Response.json(await listProfiles(query));
});
