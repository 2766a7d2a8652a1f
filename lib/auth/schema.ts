import { z } from "zod";
import { requiredTextSchema, textSchema } from "@/lib/http/fields";
import { ROLES } from "./roles";

// Requests and responses of the account, API key, user and audit routes. Client-safe.

export const roleSchema = z.enum(ROLES);

export const createApiKeyRequestSchema = z.object({ name: requiredTextSchema(80) }).strict();

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.coerce.date(),
  lastUsedAt: z.coerce.date().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeySchema>;
export const apiKeyListSchema = z.object({ items: z.array(apiKeySchema) });
export const createdApiKeySchema = apiKeySchema.extend({ key: z.string() });

export const createUserRequestSchema = z
  .object({
    email: z
      .email()
      .max(200)
      .refine((value) => !value.includes("\u0000"), "must not contain NUL characters"),
    name: textSchema(120).optional(),
    role: roleSchema,
  })
  .strict();

export const updateUserRequestSchema = z
  .object({ role: roleSchema.optional(), active: z.boolean().optional() })
  .strict()
  .refine((change) => change.role !== undefined || change.active !== undefined, "name a role or active");

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  deactivatedAt: z.coerce.date().nullable(),
  createdAt: z.coerce.date(),
});
export type UserRow = z.infer<typeof userSchema>;
export const userListSchema = z.object({ items: z.array(userSchema) });
export const createdUserSchema = z.object({ user: userSchema, password: z.string() });

/** Every action the audit log records; the log's labels are typed against this list. */
export const AUDIT_ACTIONS = [
  "user.created",
  "user.role_changed",
  "user.deactivated",
  "user.reactivated",
  "session.created",
  "session.stopped",
  "session.steered",
  "prompt.created",
  "prompt.activated",
  "annotation_queue.created",
  "experiment.created",
  "experiment.paused",
  "experiment.resumed",
  "experiment.cancelled",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGET_TYPES = ["user", "session", "prompt", "annotation_queue", "experiment"] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

// Action and target stay plain strings here: an entry written by an older or newer studio must
// not make the whole log unreadable.
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.coerce.date(),
  actor: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  detail: z.unknown(),
});
export type AuditRow = z.infer<typeof auditEntrySchema>;
export const auditListSchema = z.object({ items: z.array(auditEntrySchema) });
