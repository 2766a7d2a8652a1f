import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";
import { getSessionDetailById } from "@/lib/sessions/queries";

export const GET = route({ role: "viewer", params: idParamsSchema }, ({ params }) =>
  getSessionDetailById(params),
);
