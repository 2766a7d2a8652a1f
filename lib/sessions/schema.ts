import { z } from "zod";

export const SESSION_VARIANTS = [
  "magnet",
  "no_planner",
  "no_selector",
  "no_planner_no_selector",
  "cactus_baseline",
  "psych8k_baseline",
] as const;

export const SESSION_STATUSES = [
  "draft",
  "running",
  "paused",
  "completed",
  "ended_by_client",
  "failed",
  "stopped",
] as const;

export const SESSION_SORTS = ["createdAt", "roundCount", "status", "variant"] as const;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values).optional());

export const sessionListQuerySchema = z
  .object({
    search: z.string().trim().max(200).optional(),
    status: optionalEnum(SESSION_STATUSES),
    variant: optionalEnum(SESSION_VARIANTS),
    attitude: optionalEnum(["positive", "neutral", "negative"] as const),
    source: optionalEnum(["generated", "imported"] as const),
    profileId: z.string().max(64).optional(),
    sort: optionalEnum(SESSION_SORTS).default("createdAt"),
    order: optionalEnum(["asc", "desc"] as const).default("desc"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(25),
  })
  .strict();

export type SessionListQuery = z.infer<typeof sessionListQuerySchema>;

export interface SessionListItem {
  id: string;
  status: (typeof SESSION_STATUSES)[number];
  variant: (typeof SESSION_VARIANTS)[number];
  source: "generated" | "imported";
  technique: string | null;
  roundCount: number;
  maxRounds: number;
  models: string;
  createdAt: string;
  profile: { id: string; name: string; attitude: "positive" | "neutral" | "negative" };
}

export interface SessionListResponse {
  items: SessionListItem[];
  total: number;
  page: number;
  pageSize: number;
}
