import { route } from "@/lib/http/route";
import { listProfiles } from "@/lib/profiles/queries";
import { profileListQuerySchema, profileListResponseSchema } from "@/lib/profiles/schema";

export const GET = route(
  { role: "viewer", query: profileListQuerySchema, response: profileListResponseSchema },
  ({ query }) => listProfiles(query),
);
