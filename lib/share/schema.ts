// What the share routes accept and answer. Client-safe: the session page's share panel uses the types.

import { z } from "zod";
import { idSchema } from "@/lib/http/fields";

/** 32 random bytes, base64url: 43 characters. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const shareTokenSchema = z.string().regex(SHARE_TOKEN_PATTERN, "must be a share token");

/** At most a year; fractions of an hour are allowed (a link for a ten-minute demo). */
export const createShareBodySchema = z.strictObject({
  expiresInHours: z
    .number()
    .positive()
    .max(24 * 366)
    .optional(),
});

/** The link's URL as POST answered it (or its path); the list's `id` serves the session page's buttons. */
export const revokeShareBodySchema = z.union([
  z.strictObject({ url: z.string().min(1).max(2048) }),
  z.strictObject({ id: idSchema }),
]);

export const createShareResponseSchema = z.object({
  url: z.string(),
  id: z.string(),
  expiresAt: z.string().nullable(),
});

export const shareLinkSchema = z.object({
  id: z.string(),
  /** The start of the token, to tell links apart: `/replay/AbCdEf…`. */
  hint: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
});

export const shareListResponseSchema = z.object({ items: z.array(shareLinkSchema) });

export type CreateShareBody = z.infer<typeof createShareBodySchema>;
export type RevokeShareBody = z.infer<typeof revokeShareBodySchema>;
export type ShareLinkItem = z.infer<typeof shareLinkSchema>;
export type CreateShareResponse = z.infer<typeof createShareResponseSchema>;

/** The token in a replay URL or path, or null when there is none. */
export function tokenFromUrl(url: string): string | null {
  const match = /\/replay\/([A-Za-z0-9_-]{43})\/?(?:[?#].*)?$/.exec(url.trim());
  return match ? match[1] : null;
}
