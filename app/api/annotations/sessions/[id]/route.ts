import { getMySessionAnnotations } from "@/lib/annotations/records";
import { mySessionAnnotationsSchema } from "@/lib/annotations/schema";
import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";

/** The signed-in person's annotations of a session, with judge scores only for forms they completed. */
export const GET = route(
  { role: "annotator", params: idParamsSchema, response: mySessionAnnotationsSchema },
  ({ user, params }) => getMySessionAnnotations(user, params.id),
);
