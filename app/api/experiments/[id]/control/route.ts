import { recordAudit } from "@/lib/auth/audit";
import { controlExperiment } from "@/lib/experiments/control";
import { experimentActionRequestSchema } from "@/lib/experiments/schema";
import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";

const AUDIT = {
  pause: "experiment.paused",
  resume: "experiment.resumed",
  cancel: "experiment.cancelled",
} as const;

/** Pauses, resumes or cancels the experiment's runs. */
export const POST = route(
  { role: "researcher", params: idParamsSchema, body: experimentActionRequestSchema },
  async ({ params: { id }, body: { action }, user }) => {
    const status = await controlExperiment(id, action);
    await recordAudit({ actorId: user.id, action: AUDIT[action], targetType: "experiment", targetId: id });
    return { id, status };
  },
);
