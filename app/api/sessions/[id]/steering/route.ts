import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";
import { steeringSettingsSchema } from "@/lib/pipeline/steering";
import { setSessionSteeringById } from "@/lib/sessions/steering";

/** Step mode (pause points) and the seat a person takes; a running session uses them from its next round. */
export const PUT = route(
  {
    role: "researcher",
    params: idParamsSchema,
    body: steeringSettingsSchema,
    response: steeringSettingsSchema,
  },
  async ({ params: { id }, body }) => setSessionSteeringById({ id, settings: body }),
);
