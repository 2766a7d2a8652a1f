import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import {
  type CreateShareBody,
  type CreateShareResponse,
  type RevokeShareBody,
  SHARE_TOKEN_PATTERN,
  type ShareLinkItem,
  tokenFromUrl,
} from "./schema";

const HINT_LENGTH = 6;

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function replayPath(token: string): string {
  return `/replay/${token}`;
}

/**
 * Makes a link and answers its URL, the only time the token exists outside the browser that asked:
 * the database keeps its hash.
 */
export async function createShareLink(
  sessionId: string,
  body: CreateShareBody,
  origin: string,
  now = new Date(),
): Promise<CreateShareResponse> {
  const db = getDb();
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { id: true } });
  if (!session) throw notFound("Session", sessionId);
  const token = randomBytes(32).toString("base64url");
  const expiresAt =
    body.expiresInHours === undefined ? null : new Date(now.getTime() + body.expiresInHours * 3_600_000);
  const link = await db.shareLink.create({
    data: { sessionId, tokenHash: hashShareToken(token), tokenHint: token.slice(0, HINT_LENGTH), expiresAt },
  });
  return {
    url: new URL(replayPath(token), origin).toString(),
    id: link.id,
    expiresAt: expiresAt?.toISOString() ?? null,
  };
}

/** Revokes a link of this session, by its URL or id. Revoking twice is harmless. */
export async function revokeShareLink(sessionId: string, body: RevokeShareBody, now = new Date()) {
  const db = getDb();
  let where: { id: string } | { tokenHash: string };
  if ("url" in body) {
    const token = tokenFromUrl(body.url);
    if (!token) {
      throw new AppError("validation", "The url is not a replay link", [
        { field: "url", message: "must be a /replay/<token> link" },
      ]);
    }
    where = { tokenHash: hashShareToken(token) };
  } else where = { id: body.id };
  const link = await db.shareLink.findUnique({ where });
  // Someone else's session's link is as unknown here as a link that never existed.
  if (!link || link.sessionId !== sessionId) throw notFound("Share link of session", sessionId);
  if (!link.revokedAt) await db.shareLink.update({ where: { id: link.id }, data: { revokedAt: now } });
  return { revoked: true as const, id: link.id };
}

/** The session's links that still open its replay, newest first. */
export async function listActiveShareLinks(sessionId: string, now = new Date()): Promise<ShareLinkItem[]> {
  const db = getDb();
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { id: true } });
  if (!session) throw notFound("Session", sessionId);
  const links = await db.shareLink.findMany({
    where: { sessionId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return links.map((link) => ({
    id: link.id,
    hint: link.tokenHint,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt?.toISOString() ?? null,
  }));
}

/** The session a token opens, or null: unknown, revoked and expired links look the same. */
export async function sessionIdForToken(token: string, now = new Date()): Promise<string | null> {
  if (!SHARE_TOKEN_PATTERN.test(token)) return null;
  const link = await getDb().shareLink.findUnique({ where: { tokenHash: hashShareToken(token) } });
  if (!link || link.revokedAt) return null;
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return null;
  return link.sessionId;
}
