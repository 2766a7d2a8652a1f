import { z } from "zod";
import { idSchema, requiredTextSchema } from "@/lib/http/fields";
import { sessionListQuerySchema } from "@/lib/sessions/schema";

// Annotation queues: made from a Sessions-list filter or an experiment, each session assigned to
// `overlap` of the chosen annotators. Client-safe.

export const MAX_QUEUE_SESSIONS = 1000;

export const queueFilterSchema = sessionListQuerySchema
  .pick({ search: true, status: true, variant: true, attitude: true, source: true, profileId: true })
  .strict();
export type QueueFilter = z.output<typeof queueFilterSchema>;

export const createQueueRequestSchema = z
  .object({
    name: requiredTextSchema(200),
    /** Sessions from a filter as on the Sessions list, or every session of an experiment. */
    filter: queueFilterSchema.optional(),
    experimentId: idSchema.optional(),
    /** At most this many sessions, oldest first. */
    limit: z.int().min(1).max(MAX_QUEUE_SESSIONS).default(50),
    annotatorIds: z
      .array(idSchema)
      .min(1)
      .max(100)
      .refine((ids) => new Set(ids).size === ids.length, "must not repeat an annotator"),
    /** How many annotators each session gets. */
    overlap: z.int().min(1).max(100).default(1),
  })
  .strict()
  .refine((r) => !(r.filter && r.experimentId), {
    path: ["experimentId"],
    message: "give a filter or an experiment, not both",
  })
  .refine((r) => r.overlap <= r.annotatorIds.length, {
    path: ["overlap"],
    message: "must not exceed the number of annotators",
  });
export type CreateQueueRequest = z.output<typeof createQueueRequestSchema>;
export type CreateQueueRequestInput = z.input<typeof createQueueRequestSchema>;

export interface QueueProgress {
  /** Rounds (plus one session form set per session) assigned to the person, and those saved. */
  done: number;
  total: number;
}

export interface QueueSummary {
  id: string;
  name: string;
  overlap: number;
  sessions: number;
  annotators: { id: string; name: string }[];
  createdAt: string;
  /** The signed-in person's progress on their own part of the queue. */
  mine: QueueProgress;
}

export interface QueueDetail extends QueueSummary {
  origin: unknown;
  items: {
    sessionId: string;
    position: number;
    client: string;
    variant: string;
    rounds: number;
    /** Who is assigned, and how many of the session's rounds each has annotated. */
    annotators: { id: string; name: string; roundsDone: number; formsDone: boolean }[];
  }[];
}

export const createQueueResponseSchema = z.object({ id: z.string(), sessions: z.int() }).strict();
