import { getExperimentById } from "@/lib/experiments/progress";
import { experimentDetailSchema } from "@/lib/experiments/schema";
import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";

export const GET = route(
  { role: "viewer", params: idParamsSchema, response: experimentDetailSchema },
  ({ params }) => getExperimentById(params),
);
