import { z } from "zod";
import { idSchema } from "@/lib/http/fields";

export const roundTimelineParamsSchema = z.object({
  id: idSchema,
  round: z.coerce.number().int().min(1).max(1000),
});

export const roundTimelineResponseSchema = z
  .object({
    /** The server's clock when it answered (ms since the epoch). */
    now: z.number(),
    calls: z.array(
      z
        .object({
          id: z.string(),
          role: z.string(),
          attempt: z.number(),
          status: z.string(),
          startedAt: z.number(),
          finishedAt: z.number().nullable(),
        })
        .strict(),
    ),
  })
  .strict();

export type RoundTimelineResponse = z.infer<typeof roundTimelineResponseSchema>;
export type TimelineCall = RoundTimelineResponse["calls"][number];
