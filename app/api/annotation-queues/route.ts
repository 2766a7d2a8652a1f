import { createQueueRequestSchema, createQueueResponseSchema } from "@/lib/annotations/queue-schema";
import { createQueue, listQueues } from "@/lib/annotations/queues";
import { recordAudit } from "@/lib/auth/audit";
import { route } from "@/lib/http/route";

/** Researchers see every queue; annotators the queues they are assigned to. */
export const GET = route({ role: "annotator" }, async ({ user }) => ({ items: await listQueues(user) }));

export const POST = route(
  { role: "researcher", body: createQueueRequestSchema, response: createQueueResponseSchema, status: 201 },
  async ({ user, body }) => {
    const queue = await createQueue(body, user.id);
    await recordAudit({
      actorId: user.id,
      action: "annotation_queue.created",
      targetType: "annotation_queue",
      targetId: queue.id,
      detail: { sessions: queue.sessions, annotators: body.annotatorIds.length, overlap: body.overlap },
    });
    return queue;
  },
);
