import { evaluateSessionById } from "@/lib/eval/evaluate";
import { getSessionEvaluationsById } from "@/lib/eval/queries";
import { evaluateSessionRequestSchema, sessionEvaluationsSchema } from "@/lib/eval/schema";
import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";

/** The session's scores per judge, scale and item, with each run's reason. */
export const GET = route(
  { role: "viewer", params: idParamsSchema, response: sessionEvaluationsSchema },
  ({ params: { id } }) => getSessionEvaluationsById({ id }),
);

/** Judges the session now with the configured judge (MODEL_JUDGE, else GPT-4o; offline: the simulator). */
export const POST = route(
  {
    role: "researcher",
    params: idParamsSchema,
    body: evaluateSessionRequestSchema,
    response: sessionEvaluationsSchema,
  },
  ({ params: { id }, body }) => evaluateSessionById({ id, ...body }),
);
