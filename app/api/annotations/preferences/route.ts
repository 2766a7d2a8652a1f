import { savePreference } from "@/lib/annotations/preferences";
import { savedAnnotationSchema, savePreferenceRequestSchema } from "@/lib/annotations/schema";
import { route } from "@/lib/http/route";

/** Saves the signed-in person's preferences between two sessions of one client (409 when stale). */
export const PUT = route(
  { role: "annotator", body: savePreferenceRequestSchema, response: savedAnnotationSchema },
  ({ user, body }) => savePreference(user, body),
);
