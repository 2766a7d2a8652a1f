import { z } from "zod";
import { requiredTextSchema, textSchema } from "@/lib/http/fields";
import { PROMPT_ROLES } from "./registry";
import type { PromptRole } from "./template";

export const promptRoleSchema = z.enum(PROMPT_ROLES as [PromptRole, ...PromptRole[]]);

export const promptVersionsQuerySchema = z.object({ role: promptRoleSchema }).strict();

export const createPromptVersionRequestSchema = z
  .object({
    role: promptRoleSchema,
    /** "### system" then "### user", as the Prompts page shows a version. */
    template: requiredTextSchema(40_000),
    note: textSchema(500).optional(),
  })
  .strict();

export type CreatePromptVersionRequest = z.output<typeof createPromptVersionRequestSchema>;

export const activatePromptVersionRequestSchema = z
  .object({ role: promptRoleSchema, version: z.int().min(1).max(100_000) })
  .strict();

export const promptVersionSchema = z
  .object({
    id: z.string(),
    role: z.string(),
    version: z.number(),
    template: z.string(),
    note: z.string().nullable(),
    author: z.string().nullable(),
    isActive: z.boolean(),
    builtIn: z.boolean(),
    createdAt: z.string(),
  })
  .strict();

export type PromptVersionItem = z.infer<typeof promptVersionSchema>;

export const promptVersionListSchema = z.object({ items: z.array(promptVersionSchema) }).strict();

/** What saving a new version answers: which version of which role it became. */
export const createdPromptVersionSchema = z
  .object({ id: z.string(), role: promptRoleSchema, version: z.int() })
  .strict();
