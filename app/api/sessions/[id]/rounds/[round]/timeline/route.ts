import { route } from "@/lib/http/route";
import { getRoundTimelineById } from "@/lib/sessions/timeline";
import { roundTimelineParamsSchema, roundTimelineResponseSchema } from "@/lib/sessions/timeline-schema";

/** The start and finish of every stored call of one round, for the round's waterfall. */
export const GET = route(
  { role: "viewer", params: roundTimelineParamsSchema, response: roundTimelineResponseSchema },
  ({ params }) => getRoundTimelineById(params),
);
