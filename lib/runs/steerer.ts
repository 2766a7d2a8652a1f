import "server-only";
import { recordAudit } from "@/lib/auth/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Steerer } from "@/lib/pipeline";

/** The person steering, as interventions name them. */
export function steererOf(user: CurrentUser): Steerer {
  return { userId: user.id, name: user.name || user.email };
}

/** The audit log's entry for a steering request (an answer at a pause, or a regeneration). */
export function auditSteering(
  user: CurrentUser,
  sessionId: string,
  detail: { type: string; roundIndex: number; output?: string },
) {
  return recordAudit({
    actorId: user.id,
    action: "session.steered",
    targetType: "session",
    targetId: sessionId,
    detail,
  });
}
