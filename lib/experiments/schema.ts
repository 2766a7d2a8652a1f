// An experiment's design and what its pages and routes exchange. Client-safe: the create form
// validates with the same schema the route parses.

import { z } from "zod";
import { ATTITUDES } from "@/lib/cbt/techniques";
import { EVALUATION_METRICS } from "@/lib/eval/scales";
import { idSchema, requiredTextSchema, textSchema } from "@/lib/http/fields";
import {
  MAX_ROUNDS_LIMIT,
  modelOverrideSchema,
  SESSION_AGENTS,
  type SESSION_STATUSES,
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
export type ExperimentDesignInput = z.input<typeof experimentDesignSchema>;

export const experimentActionRequestSchema = z.object({ action: z.enum(EXPERIMENT_ACTIONS) }).strict();

export const experimentListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export interface ExperimentCounts {
  total: number;
  done: number;
  failed: number;
  running: number;
  queued: number;
  /** Sessions stopped or paused by hand, and those a cancel left unstarted: resume picks them up. */
  halted: number;
}

export interface ExperimentProgress {
  id: string;
  name: string;
  description: string | null;
  status: ExperimentStatus;
  createdAt: string;
  design: ExperimentDesign;
  counts: ExperimentCounts;
  rounds: { done: number; planned: number };
  tokens: { input: number; output: number };
  /** In US dollars; null when a model has no known price. */
  cost: { spent: number; estimatedTotal: number } | null;
  /** At the pace so far; null before the first round or when nothing is left to run. */
  secondsLeft: number | null;
  finished: boolean;
}

export interface ExperimentSessionItem {
  id: string;
  status: (typeof SESSION_STATUSES)[number];
  variant: (typeof SESSION_VARIANTS)[number];
  arm: string;
  repeat: number;
  roundCount: number;
  maxRounds: number;
  profile: { id: string; name: string; attitude: (typeof ATTITUDES)[number] };
}

export interface ExperimentDetail extends ExperimentProgress {
  sessions: ExperimentSessionItem[];
}

export interface ExperimentListResponse {
  items: ExperimentProgress[];
  total: number;
  page: number;
  pageSize: number;
}
