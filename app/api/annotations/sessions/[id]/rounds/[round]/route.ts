import { saveRoundAnnotation } from "@/lib/annotations/records";
import { roundParamsSchema, savedAnnotationSchema, saveRoundRequestSchema } from "@/lib/annotations/schema";
import { route } from "@/lib/http/route";

/** Saves the signed-in person's annotation of one round; a save based on an older version is a 409. */
export const PUT = route(
  {
    role: "annotator",
    params: roundParamsSchema,
    body: saveRoundRequestSchema,
    response: savedAnnotationSchema,
  },
  ({ user, params, body }) => saveRoundAnnotation(user, params.id, params.round, body.baseVersion, body.data),
);
