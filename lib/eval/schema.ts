// What the session page's evaluation panel receives (GET /api/sessions/<id>/evaluations). Client-safe.
import { z } from "zod";
import { ATTITUDES } from "@/lib/cbt/techniques";
import { VARIANTS } from "@/lib/pipeline/types";
import { JUDGED_METRICS } from "./scales";

export const judgedRunSchema = z.object({
  run: z.int(),
  status: z.enum(["succeeded", "failed"]),
  score: z.number().nullable(),
  reason: z.string().nullable(),
  error: z.string().nullable(),
  agentCallId: z.string().nullable(),
});
export type JudgedRun = z.infer<typeof judgedRunSchema>;

export const judgedItemSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** Mean of the runs that gave a score. */
  mean: z.number().nullable(),
  runs: z.array(judgedRunSchema),
});
export type JudgedItem = z.infer<typeof judgedItemSchema>;

export const judgedScaleSchema = z.object({
  metric: z.enum(["ctrs", "wai", "panas_before", "panas_after"]),
  min: z.number(),
  max: z.number(),
  /** Mean of the item means when every item has one; WAI: raw, as the paper reports it. */
  mean: z.number().nullable(),
  /** WAI only: items 4 and 10 reversed (8 − score). */
  meanReversed: z.number().nullable().optional(),
  /** PANAS only (its mean is null): mean of the positive and of the negative feelings' means. */
  affect: z.object({ positive: z.number().nullable(), negative: z.number().nullable() }).optional(),
  items: z.array(judgedItemSchema),
});
export type JudgedScale = z.infer<typeof judgedScaleSchema>;

export const judgeEvaluationSchema = z.object({
  judgeModel: z.string(),
  /** Judged by the offline simulator: the scores carry no information. */
  simulated: z.boolean(),
  evaluatedAt: z.string(),
  scales: z.array(judgedScaleSchema),
});
export type JudgeEvaluation = z.infer<typeof judgeEvaluationSchema>;

export const sessionEvaluationsSchema = z.object({
  sessionId: z.string(),
  judges: z.array(judgeEvaluationSchema),
});
export type SessionEvaluations = z.infer<typeof sessionEvaluationsSchema>;

export const evaluateSessionRequestSchema = z
  .object({
    metrics: z.array(z.enum(JUDGED_METRICS)).min(1).default(["ctrs", "wai", "panas"]),
    runs: z.int().min(1).max(5).default(3),
  })
  .strict();

const diversityScoresSchema = z.object({
  unit: z.enum(["llama3", "words"]),
  sessions: z.int(),
  totalTokens: z.int(),
  uniqueUnigrams: z.int(),
  distinct1: z.number(),
  distinct2: z.number(),
  distinct3: z.number(),
  ead: z.number().nullable(),
  vocabSize: z.int().nullable(),
});

/** Which sessions a diversity measurement covers: the Sessions list's filters. */
export const diversityFilterSchema = z
  .object({
    variant: z.enum(VARIANTS).optional(),
    attitude: z.enum(ATTITUDES).optional(),
    source: z.enum(["generated", "imported"]).optional(),
    limit: z.int().min(1).max(1_000_000).optional(),
  })
  .strict();

/** One measured set: the paper's Llama-3 scores and our word-level variant, never mixed. */
export const diversitySetSchema = z.object({
  id: z.string(),
  measuredAt: z.string(),
  filter: diversityFilterSchema,
  sessions: z.int(),
  digest: z.string(),
  llama3: diversityScoresSchema,
  words: diversityScoresSchema,
});
export type DiversitySet = z.infer<typeof diversitySetSchema>;

export const diversityListSchema = z.object({ sets: z.array(diversitySetSchema) });
export type DiversityList = z.infer<typeof diversityListSchema>;
