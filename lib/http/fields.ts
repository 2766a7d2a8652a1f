// Zod building blocks for whatever arrives over HTTP: ids in paths and queries, free text in queries
// and bodies. Client-safe (the domains' request schemas use them in forms too).

import { z } from "zod";

// PostgreSQL text cannot hold U+0000: a NUL that reaches a query fails there as a 500, so it is
// refused here, where the field still has a name.
const NUL = "\u0000";

/** A record id (ours are cuids; imported and sample records use the same alphabet). */
export const idSchema = z
  .string()
  .min(1, { error: "must not be empty", abort: true })
  .max(64, { error: "must be at most 64 characters", abort: true })
  .regex(/^[A-Za-z0-9_-]+$/, "must be an id (letters, digits, - and _)");

/** Free text of at most `max` characters, trimmed; never NUL. */
export function textSchema(max: number) {
  return z
    .string()
    .max(max)
    .refine((value) => !value.includes(NUL), "must not contain NUL characters")
    .transform((value) => value.trim());
}

/** Non-empty free text of at most `max` characters, trimmed; never NUL. */
export function requiredTextSchema(max: number) {
  return textSchema(max).refine((value) => value !== "", "must not be empty");
}

/** One page of a paged list's answer: its items, how many there are in all, and which page this is. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.int(), page: z.int(), pageSize: z.int() });
}

/** The params of a route with one dynamic segment named `id`. */
export const idParamsSchema = z.object({ id: idSchema });
