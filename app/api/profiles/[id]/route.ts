import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";
import { getProfileById } from "@/lib/profiles/queries";
import { profileDetailSchema } from "@/lib/profiles/schema";

export const GET = route(
  { role: "viewer", params: idParamsSchema, response: profileDetailSchema },
  ({ params }) => getProfileById(params),
);
