import { z } from "zod";
import { ATTITUDES } from "@/lib/cbt/techniques";
import { idSchema, pageSchema, requiredTextSchema, textSchema } from "@/lib/http/fields";
import { SESSION_AWAITINGS } from "@/lib/pipeline/steering";
import { METHOD_SWITCH_NAMES, SESSION_STATUSES, VARIANTS as SESSION_VARIANTS } from "@/lib/pipeline/types";

export { SESSION_STATUSES, SESSION_VARIANTS };

export const SESSION_SORTS = ["createdAt", "roundCount", "status", "variant"] as const;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values).optional());

export const sessionListQuerySchema = z
  .object({
    search: textSchema(200).optional(),
    status: optionalEnum(SESSION_STATUSES),
    variant: optionalEnum(SESSION_VARIANTS),
    attitude: optionalEnum(["positive", "neutral", "negative"] as const),
    source: optionalEnum(["generated", "imported"] as const),
    profileId: z.preprocess((v) => (v === "" ? undefined : v), idSchema.optional()),
    experiment: z.preprocess((v) => (v === "" ? undefined : v), idSchema.optional()),
    sort: optionalEnum(SESSION_SORTS).default("createdAt"),
    order: optionalEnum(["asc", "desc"] as const).default("desc"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(25),
  })
  .strict();

export type SessionListQuery = z.infer<typeof sessionListQuerySchema>;
export const SESSION_FILTER_KEYS = [
  "search",
  "status",
  "variant",
  "attitude",
  "source",
  "profileId",
  "experiment",
] as const;
export type SessionListFilter = Pick<SessionListQuery, (typeof SESSION_FILTER_KEYS)[number]>;

export const sessionListItemSchema = z.object({
  id: z.string(),
  status: z.enum(SESSION_STATUSES),
  /** What a running session waits for a person to do; null while it does not wait. */
  awaiting: z.enum(SESSION_AWAITINGS).nullable(),
  variant: z.enum(SESSION_VARIANTS),
  source: z.enum(["generated", "imported"]),
  technique: z.string().nullable(),
  roundCount: z.int(),
  maxRounds: z.int(),
  /** N of an imported session_N.json. */
  sessionNumber: z.int().nullable(),
  /** The cost an official script reported for an imported session. */
  cost: z.number().nullable(),
  models: z.string(),
  createdAt: z.string(),
  profile: z.object({ id: z.string(), name: z.string(), attitude: z.enum(ATTITUDES) }),
});
export type SessionListItem = z.infer<typeof sessionListItemSchema>;

export const sessionListResponseSchema = pageSchema(sessionListItemSchema);
export type SessionListResponse = z.infer<typeof sessionListResponseSchema>;

// Creating and running generated sessions.

/** The agents whose model a session may override; mirrors AGENT_KINDS of lib/providers (kept light here). */
export const SESSION_AGENTS = ["planner", "specialist", "selector", "fuser", "client", "counselor"] as const;
/** Mirrors PROVIDERS of lib/providers/registry (which loads the provider SDKs, so it is not imported here). */
export const MODEL_PROVIDERS = ["openai", "openai-compatible", "offline"] as const;
export const MAX_ROUNDS_LIMIT = 40;

export const modelOverrideSchema = z
  .object({ provider: z.enum(MODEL_PROVIDERS), modelId: requiredTextSchema(200) })
  .strict();

export const createSessionRequestSchema = z
  .object({
    profileId: idSchema,
    variant: z.enum(SESSION_VARIANTS),
    /** Per-agent model overrides; agents not named use the environment's defaults. */
    models: z.partialRecord(z.enum(SESSION_AGENTS), modelOverrideSchema).optional(),
    maxRounds: z.int().min(1).max(MAX_ROUNDS_LIMIT).optional(),
    /** A departure from the paper: a client's [/END] before this round is ignored. */
    minRoundsBeforeEnd: z.int().min(0).max(MAX_ROUNDS_LIMIT).optional(),
    /** Departures from the paper to switch on; those not named stay off (the published method). */
    switches: z.partialRecord(z.enum(METHOD_SWITCH_NAMES), z.boolean()).optional(),
  })
  .strict()
  .refine((r) => r.maxRounds === undefined || (r.minRoundsBeforeEnd ?? 0) <= r.maxRounds, {
    path: ["minRoundsBeforeEnd"],
    message: "must not exceed maxRounds",
  });

export type CreateSessionRequestInput = z.input<typeof createSessionRequestSchema>;
export type CreateSessionRequest = z.output<typeof createSessionRequestSchema>;

/** `to-end` runs (or resumes) until the session ends; `next-round` plays one round and pauses. */
export const SESSION_RUN_MODES = ["to-end", "next-round"] as const;
export type SessionRunMode = (typeof SESSION_RUN_MODES)[number];

export const runSessionRequestSchema = z
  .object({ mode: z.enum(SESSION_RUN_MODES).default("to-end") })
  .strict();

/**
 * A message a fork replaces: the client's reply of the fork round (what the agents of the next round
 * read), or the counselor's reply of the round after it (the client answers it when the fork is made).
 */
export const FORK_EDIT_SPEAKERS = ["client", "counselor"] as const;

export const forkEditSchema = z
  .object({ speaker: z.enum(FORK_EDIT_SPEAKERS), text: requiredTextSchema(4_000) })
  .strict();

/** Forking a session after a committed round; what is not named is the parent's. */
export const forkSessionRequestSchema = z
  .object({
    round: z.int().min(1).max(MAX_ROUNDS_LIMIT),
    models: z.partialRecord(z.enum(SESSION_AGENTS), modelOverrideSchema).optional(),
    /** Per-agent temperature for the fork. */
    temperatures: z.partialRecord(z.enum(SESSION_AGENTS), z.number().min(0).max(2)).optional(),
    /**
     * A prompt version (its number) per role, instead of the parent's frozen template. Roles are checked
     * against the stored versions by the fork (lib/prompts' registry stays out of client bundles).
     */
    prompts: z
      .record(z.string().regex(/^[a-z_:]{1,60}$/, "must be a prompt role"), z.int().min(1).max(100_000))
      .optional(),
    maxRounds: z.int().min(1).max(MAX_ROUNDS_LIMIT).optional(),
    edit: forkEditSchema.optional(),
  })
  .strict()
  .refine((r) => r.maxRounds === undefined || r.maxRounds > r.round, {
    path: ["maxRounds"],
    message: "must leave at least one round after the fork",
  });

export type ForkSessionRequest = z.output<typeof forkSessionRequestSchema>;

/** What creating a session answers (a new one, or a fork): the new session's id. */
export const createdSessionSchema = z.object({ id: z.string() }).strict();
export const forkSessionResponseSchema = createdSessionSchema;

/** A researcher's edit of a follow-up session's summary (before it starts). */
export const followUpSummaryRequestSchema = z.object({ summary: requiredTextSchema(8_000) }).strict();

export const followUpSummaryResponseSchema = z
  .object({ id: z.string(), summary: z.string(), edited: z.boolean() })
  .strict();
