import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

// A key is 32 random bytes, so one SHA-256 is enough to store it: unlike a password there is
// nothing to guess, and a slow KDF would only slow every API request down.

const KEY_PREFIX = "mgs_";

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** Makes a key for a user; the key itself is returned this once and never stored. */
export async function createApiKey(userId: string, name: string): Promise<{ key: string } & ApiKeySummary> {
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const record = await getDb().apiKey.create({
    data: { userId, name, prefix: key.slice(0, KEY_PREFIX.length + 6), hash: hashKey(key) },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
  return { key, ...record };
}

export function listApiKeysByUser(userId: string): Promise<ApiKeySummary[]> {
  return getDb().apiKey.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
}

export async function revokeApiKey(userId: string, id: string): Promise<void> {
  const { count } = await getDb().apiKey.updateMany({
    where: { id, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("API key", id);
}

/** The active owner of a live key, or null. */
export async function userIdByApiKey(key: string): Promise<string | null> {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const record = await getDb().apiKey.findUnique({ where: { hash: hashKey(key) } });
  if (!record || record.revokedAt) return null;
  // Last use to the minute is enough, and spares a write on every request.
  if (!record.lastUsedAt || Date.now() - record.lastUsedAt.getTime() > 60_000) {
    await getDb().apiKey.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } });
  }
  return record.userId;
}
