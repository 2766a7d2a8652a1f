// An experiment's design and what its pages and routes exchange. Client-safe: the create form
// validates with the same schema the route parses.

import { z } from "zod";
import { ATTITUDES } from "@/lib/cbt/techniques";
import { EVALUATION_METRICS } from "@/lib/eval/scales";
import { idSchema, pageSchema, requiredTextSchema, textSchema } from "@/lib/http/fields";
import { SESSION_AWAITINGS } from "@/lib/pipeline/steering";
import {
  MAX_ROUNDS_LIMIT,
  modelOverrideSchema,
  SESSION_AGENTS,
  SESSION_STATUSES,
  SESSION_VARIANTS,
} from "@/lib/sessions/schema";

export const EXPERIMENT_STATUSES = ["running", "paused", "cancelled"] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];
export const EXPERIMENT_ACTIONS = ["pause", "resume", "cancel"] as const;
export type ExperimentAction = (typeof EXPERIMENT_ACTIONS)[number];

/** More sessions than this in one experiment is more likely a typo than a plan. */
export const MAX_EXPERIMENT_SESSIONS = 5_000;

const distinct = <T>(values: T[]) => new Set(values.map((v) => JSON.stringify(v))).size === values.length;

export const experimentDesignSchema = z
  .object({
    name: requiredTextSchema(120),
    description: textSchema(2_000).optional(),
    /** Profile ids, or every profile ("all"). */
    profiles: z.union([z.literal("all"), z.array(idSchema).min(1).max(1_000)]).default("all"),
    /** The attitudes crossed with the profiles (a profile has one); none named: every attitude. */
    attitudes: z.array(z.enum(ATTITUDES)).min(1).refine(distinct, "must not repeat an attitude").optional(),
    /** The first N matching profiles of each attitude. */
    limit: z.int().min(1).max(MAX_EXPERIMENT_SESSIONS).optional(),
    variants: z.array(z.enum(SESSION_VARIANTS)).min(1).refine(distinct, "must not repeat a variant"),
    /**
     * The model of each agent is an axis: per agent, the models to compare. Agents not named use the
     * environment's defaults. The arms are every combination.
     */
    models: z
      .partialRecord(
        z.enum(SESSION_AGENTS),
        z.array(modelOverrideSchema).min(1).max(6).refine(distinct, "must not repeat a model"),
      )
      .default({}),
    repeats: z.int().min(1).max(100).default(1),
    rounds: z.int().min(1).max(MAX_ROUNDS_LIMIT).default(20),
    /** Evaluations run after generation: judged scales per session, diversity once for the set. */
    evaluate: z.array(z.enum(EVALUATION_METRICS)).refine(distinct, "must not repeat a metric").default([]),
  })
  .strict();

export type ExperimentDesign = z.output<typeof experimentDesignSchema>;

/** The part of a design that decides how many sessions it makes; the New experiment form counts with it. */
export const experimentSizeSchema = experimentDesignSchema
  .pick({ attitudes: true, limit: true, variants: true, models: true, repeats: true })
  .strip();
export type ExperimentSize = z.output<typeof experimentSizeSchema>;
export type ExperimentDesignInput = z.input<typeof experimentDesignSchema>;

export const experimentActionRequestSchema = z.object({ action: z.enum(EXPERIMENT_ACTIONS) }).strict();

export const experimentListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export const experimentCountsSchema = z.object({
  total: z.int(),
  done: z.int(),
  failed: z.int(),
  running: z.int(),
  queued: z.int(),
  /** Sessions stopped or paused by hand, and those a cancel left unstarted: resume picks them up. */
  halted: z.int(),
});
export type ExperimentCounts = z.infer<typeof experimentCountsSchema>;

export const experimentProgressSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(EXPERIMENT_STATUSES),
  createdAt: z.string(),
  design: experimentDesignSchema,
  counts: experimentCountsSchema,
  rounds: z.object({ done: z.int(), planned: z.int() }),
  tokens: z.object({ input: z.number(), output: z.number() }),
  /** In US dollars; null when a model has no known price. */
  cost: z
    .object({
      spent: z.number(),
      estimatedTotal: z.number(),
      /** Every call so far ran on the offline simulator, which costs nothing. */
      free: z.boolean(),
    })
    .nullable(),
  /** At the pace so far; null before the first round or when nothing is left to run. */
  secondsLeft: z.number().nullable(),
  finished: z.boolean(),
});
export type ExperimentProgress = z.output<typeof experimentProgressSchema>;

export const experimentSessionItemSchema = z.object({
  id: z.string(),
  status: z.enum(SESSION_STATUSES),
  awaiting: z.enum(SESSION_AWAITINGS).nullable(),
  variant: z.enum(SESSION_VARIANTS),
  arm: z.string(),
  repeat: z.int(),
  roundCount: z.int(),
  maxRounds: z.int(),
  profile: z.object({ id: z.string(), name: z.string(), attitude: z.enum(ATTITUDES) }),
});
export type ExperimentSessionItem = z.infer<typeof experimentSessionItemSchema>;

export const experimentDetailSchema = experimentProgressSchema.extend({
  sessions: z.array(experimentSessionItemSchema),
});
export type ExperimentDetail = z.output<typeof experimentDetailSchema>;

export const experimentListResponseSchema = pageSchema(experimentProgressSchema);
export type ExperimentListResponse = z.output<typeof experimentListResponseSchema>;

/** What creating an experiment answers: its id and how many sessions it queued. */
export const createdExperimentSchema = z.object({ id: z.string(), sessions: z.int() }).strict();
