import { evaluateSessionById } from "@/lib/eval/evaluate";
import { getSessionEvaluationsById } from "@/lib/eval/queries";
import { evaluateSessionRequestSchema } from "@/lib/eval/schema";
import { parseJsonBody, route } from "@/lib/http/route";

type Context = { params: Promise<{ id: string }> };

/** The session's scores per judge, scale and item, with each run's reason. */
export const GET = route(async (_request, { params }: Context) => {
  const { id } = await params;
  return Response.json(await getSessionEvaluationsById({ id }));
});

/** Judges the session now with the configured judge (MODEL_JUDGE, else GPT-4o; offline: the simulator). */
export const POST = route(async (request, { params }: Context) => {
  const { id } = await params;
  const body = await parseJsonBody(evaluateSessionRequestSchema, request);
  return Response.json(await evaluateSessionById({ id, ...body }));
});
