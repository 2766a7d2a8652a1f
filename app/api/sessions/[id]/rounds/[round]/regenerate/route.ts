import { z } from "zod";
import { route } from "@/lib/http/route";
import { regenerableOutputSchema } from "@/lib/pipeline/steering";
import { regenerateRoundOutput } from "@/lib/runs/regenerate";
import { auditSteering, steererOf } from "@/lib/runs/steerer";
import { roundTimelineParamsSchema } from "@/lib/sessions/timeline-schema";

const bodySchema = z.object({ output: regenerableOutputSchema }).strict();

/**
 * Runs one output of a round again (a candidate, the selection, the counselor's reply, the client's
 * reply): in the round a running session waits in, through its run, or else in the last stored round.
 * Outputs made from the old value are marked stale. 409 with the run's reason when it cannot.
 */
export const POST = route(
  { role: "researcher", rateLimit: "generation", params: roundTimelineParamsSchema, body: bodySchema },
  async ({ params: { id, round }, body: { output }, user }) => {
    const by = steererOf(user);
    const result = await regenerateRoundOutput({ sessionId: id, roundIndex: round, output, by });
    await auditSteering(user, id, { type: "regenerate", roundIndex: round, output });
    return result;
  },
);
