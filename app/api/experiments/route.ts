import { recordAudit } from "@/lib/auth/audit";
import { createExperiment } from "@/lib/experiments/create";
import { listExperiments } from "@/lib/experiments/progress";
import {
  createdExperimentSchema,
  experimentDesignSchema,
  experimentListQuerySchema,
  experimentListResponseSchema,
} from "@/lib/experiments/schema";
import { route } from "@/lib/http/route";

export const GET = route(
  { role: "viewer", query: experimentListQuerySchema, response: experimentListResponseSchema },
  ({ query }) => listExperiments(query),
);

/** Creates the experiment's sessions and queues their runs for the workers. */
export const POST = route(
  {
    role: "researcher",
    rateLimit: "generation",
    body: experimentDesignSchema,
    response: createdExperimentSchema,
    status: 201,
  },
  async ({ body, user }) => {
    const experiment = await createExperiment(body, user.id);
    await recordAudit({
      actorId: user.id,
      action: "experiment.created",
      targetType: "experiment",
      targetId: experiment.id,
      detail: { sessions: experiment.sessions },
    });
    return experiment;
  },
);
