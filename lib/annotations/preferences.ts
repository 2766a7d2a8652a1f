import "server-only";
import { createHash } from "node:crypto";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getDb, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { compareAndSet, VERSION } from "./compare-and-set";
import { assertMayAnnotate } from "./records";
import type { SavedAnnotation, SavePreferenceRequest } from "./schema";

// Pairwise preferences between two sessions of the same client. The pair is stored in id order; the
// order a person sees is a hash of their id and the pair, so it is random across people, stable
// across reloads, and says nothing about which session is which variant.

export function pairKey(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** Whether this person sees the pair's second session first. */
export function shownSwapped(userId: string, a: string, b: string): boolean {
  const [first, second] = pairKey(a, b);
  return createHash("sha256").update(`${userId}:${first}:${second}`).digest()[0] % 2 === 1;
}

export async function savePreference(
  user: CurrentUser,
  request: SavePreferenceRequest,
): Promise<SavedAnnotation> {
  const [sessionAId, sessionBId] = pairKey(...request.sessionIds);
  await assertMayAnnotate(user, sessionAId);
  await assertMayAnnotate(user, sessionBId);
  const db = getDb();
  const sessions = await db.session.findMany({
    where: { id: { in: [sessionAId, sessionBId] } },
    select: { profileId: true },
  });
  if (new Set(sessions.map((s) => s.profileId)).size !== 1) {
    throw new AppError("validation", "The two sessions must be of the same client", [
      { field: "sessionIds", message: "must be two sessions of the same client" },
    ]);
  }
  for (const [aspect, choice] of Object.entries(request.data.preferences)) {
    if (choice !== undefined && choice !== "tie" && choice !== sessionAId && choice !== sessionBId) {
      throw new AppError(
        "validation",
        `Invalid request: data.preferences.${aspect}: must be one of the two sessions or "tie"`,
        [{ field: `data.preferences.${aspect}`, message: 'must be one of the two sessions or "tie"' }],
      );
    }
  }
  const key = { authorId: user.id, sessionAId, sessionBId };
  const data = request.data as Prisma.InputJsonObject;
  const stale = () =>
    new AppError(
      "conflict",
      "Your preference for these sessions was saved elsewhere (another tab?) since this page loaded it. Reload to see the latest.",
      [{ field: "baseVersion", message: "is not the latest saved version" }],
    );
  return compareAndSet({
    baseVersion: request.baseVersion,
    create: () => db.pairwisePreference.create({ data: { ...key, data } }),
    updateIfAt: (version) =>
      db.pairwisePreference.updateMany({
        where: { ...key, version },
        data: { data, version: { increment: 1 } },
      }),
    read: () =>
      db.pairwisePreference.findUniqueOrThrow({
        where: { authorId_sessionAId_sessionBId: key },
        select: VERSION,
      }),
    stale,
  });
}

export interface PreferencePair {
  /** In the order this person sees them: "Session 1" and "Session 2". */
  shown: [string, string];
  client: string;
  preferences: Record<string, string>;
  version: number;
}

/** The pairs of same-client sessions among this person's sessions of a queue, with what they chose. */
export async function listMyPreferencePairs(user: CurrentUser, queueId: string): Promise<PreferencePair[]> {
  const db = getDb();
  const items = await db.annotationQueueItem.findMany({
    where: { queueId, assignments: { some: { userId: user.id } } },
    orderBy: { position: "asc" },
    select: {
      sessionId: true,
      session: { select: { profileId: true, profile: { select: { name: true } } } },
    },
  });
  const byProfile = new Map<string, { ids: string[]; client: string }>();
  for (const item of items) {
    const group = byProfile.get(item.session.profileId) ?? { ids: [], client: item.session.profile.name };
    group.ids.push(item.sessionId);
    byProfile.set(item.session.profileId, group);
  }
  const pairs: { a: string; b: string; client: string }[] = [];
  for (const { ids, client } of byProfile.values()) {
    for (let i = 0; i + 1 < ids.length; i++) {
      const [a, b] = pairKey(ids[i], ids[i + 1]);
      pairs.push({ a, b, client });
    }
  }
  if (!pairs.length) return [];
  const saved = await db.pairwisePreference.findMany({
    where: { authorId: user.id, OR: pairs.map((p) => ({ sessionAId: p.a, sessionBId: p.b })) },
  });
  return pairs.map(({ a, b, client }) => {
    const row = saved.find((s) => s.sessionAId === a && s.sessionBId === b);
    const data = (row?.data ?? {}) as { preferences?: Record<string, string> };
    return {
      shown: shownSwapped(user.id, a, b) ? [b, a] : [a, b],
      client,
      preferences: data.preferences ?? {},
      version: row?.version ?? 0,
    };
  });
}
