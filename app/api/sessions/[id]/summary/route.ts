import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";
import { updateFollowUpSummary } from "@/lib/sessions/follow-up";
import { followUpSummaryRequestSchema, followUpSummaryResponseSchema } from "@/lib/sessions/schema";

/** Edits a follow-up session's summary of the session before, while it is a draft. */
export const PUT = route(
  {
    role: "researcher",
    params: idParamsSchema,
    body: followUpSummaryRequestSchema,
    response: followUpSummaryResponseSchema,
  },
  ({ params: { id }, body: { summary } }) => updateFollowUpSummary({ id, summary }),
);
