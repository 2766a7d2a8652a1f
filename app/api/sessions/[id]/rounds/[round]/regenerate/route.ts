import { z } from "zod";
import { recordAudit } from "@/lib/auth/audit";
import { route } from "@/lib/http/route";
import { regenerableOutputSchema } from "@/lib/pipeline/steering";
import { regenerateRoundOutput } from "@/lib/runs/regenerate";
import { roundTimelineParamsSchema } from "@/lib/sessions/timeline-schema";

const bodySchema = z.object({ output: regenerableOutputSchema }).strict();

/**
 * Runs one output of the last round again (a candidate, the selection, the counselor's reply, the
XX
 */
export const POST = route(
  { role: "researcher", rateLimit: "generation", params: roundTimelineParamsSchema, body: bodySchema },
  async ({ params: { id, round }, body: { output }, user }) => {
    const by = { userId: user.id, name: user.name || user.email };
    const result = await regenerateRoundOutput({ sessionId: id, roundIndex: round, output, by });
    const detail = { type: "regenerate", roundIndex: round, output };
    await recordAudit({
      actorId: user.id,
      action: "session.steered",
      targetType: "session",
      targetId: id,
      detail,
    });
    return result;
  },
);
