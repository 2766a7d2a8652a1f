import { getQueueById } from "@/lib/annotations/queues";
import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";

/** A queue's sessions and who did what on each. */
export const GET = route({ role: "annotator", params: idParamsSchema }, ({ user, params }) =>
  getQueueById(user, params.id),
);
