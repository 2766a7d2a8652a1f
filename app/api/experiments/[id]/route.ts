import { getExperimentById } from "@/lib/experiments/progress";
import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";

export const GET = route({ role: "viewer", params: idParamsSchema }, ({ params }) =>
  getExperimentById(params),
);
