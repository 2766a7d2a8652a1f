import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";
import { steeringCommandSchema } from "@/lib/pipeline/steering";
import { requestSessionSteering } from "@/lib/runs/live-run";
import { auditSteering, steererOf } from "@/lib/runs/steerer";

/**
 * A person's answer to the pause the running round waits at (override the selection, write or edit a
 * turn, let it stand, run to the end). 409 when someone answered that pause first or the round waits
 * elsewhere; the run applies it wherever it runs.
 */
export const POST = route(
  { role: "researcher", params: idParamsSchema, body: steeringCommandSchema },
  async ({ params: { id }, body, user }) => {
    await requestSessionSteering(id, body, steererOf(user));
    await auditSteering(user, id, { type: body.type, roundIndex: body.roundIndex });
    return { sessionId: id, applied: body.type };
  },
);
