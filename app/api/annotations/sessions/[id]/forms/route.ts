import { saveSessionAnnotation } from "@/lib/annotations/records";
import { savedAnnotationSchema, saveSessionRequestSchema } from "@/lib/annotations/schema";
import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";

/** Saves the signed-in person's CTRS, WAI and PANAS forms of a session (409 when stale). */
export const PUT = route(
  {
    role: "annotator",
    params: idParamsSchema,
    body: saveSessionRequestSchema,
    response: savedAnnotationSchema,
  },
  ({ user, params, body }) => saveSessionAnnotation(user, params.id, body.baseVersion, body.data),
);
