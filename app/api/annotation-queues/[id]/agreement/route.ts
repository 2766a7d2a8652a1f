import { getQueueAgreement } from "@/lib/annotations/agreement";
import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";

/** Agreement among a queue's annotators per item, against the judge where it scored, and the most-disagreed rounds. */
export const GET = route({ role: "researcher", params: idParamsSchema }, ({ user, params }) =>
  getQueueAgreement(user, params.id),
);
