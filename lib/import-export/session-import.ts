import "server-only";
import { getDb, Prisma } from "@/lib/db/client";
import { DEFAULT_MAX_ROUNDS } from "@/lib/pipeline/config";
import type { Variant } from "@/lib/pipeline/types";
import { fillReferenceTechniques } from "./reference-techniques";
import { failureOf, type ImportRun, reasonOf } from "./run";
import { LEGACY_SESSION_KEY_PREFIX, sessionContentKey } from "./session-key";
import { sessionNumberOf } from "./session-number";
import { type ImportedSession, sessionFromFile } from "./session-records";
import type { ImportItem } from "./sources";

// Session files become imported sessions with their rounds, linked to the profile of their seed
// (created when the seed file was never imported). A session already stored is skipped.

// Sessions of a batch share one transaction (sessions, then all their rounds); if the batch fails,
// each session is retried in a transaction of its own so only the broken one fails.
const SESSION_BATCH = 50;

interface PendingSession {
  item: ImportItem;
  session: ImportedSession;
}

interface LinkedSession extends PendingSession {
  profileId: string;
  profileTechniques: string[];
}

export async function importSessions(run: ImportRun, items: ImportItem[], variant: Variant): Promise<void> {
  const pending = validateSessions(run, items, variant);
  if (pending.length === 0) return;
  await upgradeLegacySessionKeys();
  const fresh = await dropExistingSessions(run, pending);
  if (fresh.length === 0) return;
  const profiles = await ensureSessionProfiles(fresh);
  await fillReferenceTechniques(fresh.map((entry) => entry.session.profile));
  const linked: LinkedSession[] = [];
  for (const entry of fresh) {
    const key = entry.session.profileKey;
    const profile = profiles.found.get(key);
    if (profile) {
      linked.push({ ...entry, profileId: profile.id, profileTechniques: profile.referenceTechniques });
    } else {
      const why = profiles.refused.get(key) ?? "not found";
      run.fail(failureOf(entry.item, new Error(`its client profile ${key} could not be created: ${why}`)));
      run.advance("sessions", 1);
    }
  }
  for (let start = 0; start < linked.length; start += SESSION_BATCH) {
    const batch = linked.slice(start, start + SESSION_BATCH);
    await insertSessionBatch(run, batch);
    run.advance("sessions", batch.length);
  }
}

function validateSessions(run: ImportRun, items: ImportItem[], variant: Variant): PendingSession[] {
  const seen = new Set<string>();
  const pending: PendingSession[] = [];
  for (const item of items) {
    try {
      const session = sessionFromFile(item.value, item.file, variant);
      if (seen.has(session.externalKey)) {
        run.skipped();
        run.advance("sessions", 1);
        continue;
      }
      seen.add(session.externalKey);
      pending.push({ item, session });
    } catch (error) {
      run.fail(failureOf(item, error));
      run.advance("sessions", 1);
    }
  }
  return pending;
}

/**
 * Sessions imported before content keys were keyed by file name; they get the content key of what
 * they hold, so re-importing their files skips them.
 */
async function upgradeLegacySessionKeys(): Promise<void> {
  const db = getDb();
  const legacy = await db.session.findMany({
    where: { externalKey: { startsWith: LEGACY_SESSION_KEY_PREFIX } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      externalKey: true,
      variant: true,
      sessionNumber: true,
      techniqueRaw: true,
      plan: true,
      openingCounselor: true,
      openingClient: true,
      profile: { select: { externalKey: true } },
      rounds: {
        orderBy: { index: "asc" },
        select: {
          counselorReply: true,
          clientReply: true,
          originalCounselorReply: true,
          originalClientReply: true,
        },
      },
    },
  });
  if (legacy.length === 0) return;
  const keys = legacy.map(legacyContentKey);
  // A content key in use (the same content imported twice) gets the row's id appended.
  const inUse = await db.session.findMany({
    where: { externalKey: { in: keys } },
    select: { externalKey: true },
  });
  const taken = new Set(inUse.map((session) => session.externalKey));
  const updates = legacy.map((session, index) => {
    const externalKey = taken.has(keys[index]) ? `${keys[index]}:${session.id}` : keys[index];
    taken.add(keys[index]);
    const fileName = `${(session.externalKey ?? "").slice(LEGACY_SESSION_KEY_PREFIX.length)}.json`;
    const sessionNumber = session.sessionNumber ?? sessionNumberOf(fileName);
    return db.session.update({ where: { id: session.id }, data: { externalKey, sessionNumber } });
  });
  await db.$transaction(updates);
}

interface LegacySession {
  variant: string;
  techniqueRaw: string | null;
  plan: string | null;
  openingCounselor: string;
  openingClient: string;
  profile: { externalKey: string | null };
  rounds: {
    counselorReply: string;
    clientReply: string | null;
    originalCounselorReply: string | null;
    originalClientReply: string | null;
  }[];
}

/** The content key of what a legacy session holds: original texts where a person edited them. */
function legacyContentKey(session: LegacySession): string {
  return sessionContentKey(session.variant, {
    ...session,
    profileKey: session.profile.externalKey ?? "",
    rounds: session.rounds.map((round) => ({
      counselorReply: round.originalCounselorReply ?? round.counselorReply,
      clientReply: round.originalClientReply ?? round.clientReply,
    })),
  });
}

async function dropExistingSessions(run: ImportRun, pending: PendingSession[]): Promise<PendingSession[]> {
  const existing = await getDb().session.findMany({
    where: { externalKey: { in: pending.map((entry) => entry.session.externalKey) } },
    select: { externalKey: true },
  });
  const existingKeys = new Set(existing.map((session) => session.externalKey));
  const fresh = pending.filter((entry) => !existingKeys.has(entry.session.externalKey));
  const skipped = pending.length - fresh.length;
  if (skipped > 0) {
    run.skipped(skipped);
    run.advance("sessions", skipped);
  }
  return fresh;
}

/**
 * The profile of every session's profile key, creating the profiles that were never imported.
 * A profile the database refuses is left out, with the reason, so only its sessions fail.
 */
async function ensureSessionProfiles(pending: PendingSession[]) {
  const profiles = new Map(pending.map((entry) => [entry.session.profileKey, entry.session.profile]));
  const found = await profilesByKey([...profiles.keys()]);
  const refused = new Map<string, string>();
  const missing = [...profiles.values()].filter((profile) => !found.has(profile.externalKey as string));
  if (missing.length > 0) {
    try {
      await getDb().clientProfile.createMany({ data: missing, skipDuplicates: true });
    } catch {
      for (const profile of missing) {
        await getDb()
          .clientProfile.createMany({ data: [profile], skipDuplicates: true })
          .catch((error) => refused.set(profile.externalKey as string, reasonOf(error)));
      }
    }
    const created = await profilesByKey(missing.map((profile) => profile.externalKey as string));
    for (const [key, profile] of created) found.set(key, profile);
  }
  return { found, refused };
}

async function profilesByKey(keys: string[]) {
  const found = await getDb().clientProfile.findMany({
    where: { externalKey: { in: keys } },
    select: { id: true, externalKey: true, referenceTechniques: true },
  });
  return new Map(found.map((profile) => [profile.externalKey as string, profile]));
}

async function insertSessionBatch(run: ImportRun, batch: LinkedSession[]): Promise<void> {
  try {
    const count = await getDb().$transaction(async (tx) => {
      const created = await tx.session.createManyAndReturn({
        data: batch.map(sessionRow),
        skipDuplicates: true,
        select: { id: true, externalKey: true },
      });
      const ids = new Map(created.map((session) => [session.externalKey, session.id]));
      const rounds = batch.flatMap(({ session }) => {
        const sessionId = ids.get(session.externalKey);
        return sessionId ? session.rounds.map((round) => ({ ...round, sessionId })) : [];
      });
      if (rounds.length > 0) await tx.round.createMany({ data: rounds });
      return created.length;
    });
    run.imported(count);
    run.skipped(batch.length - count);
  } catch {
    for (const entry of batch) await insertSession(run, entry);
  }
}

/** One session and its rounds in one statement, which Prisma runs as a single transaction. */
async function insertSession(run: ImportRun, entry: LinkedSession): Promise<void> {
  try {
    await getDb().session.create({
      data: { ...sessionRow(entry), rounds: { createMany: { data: entry.session.rounds } } },
      select: { id: true },
    });
    run.imported();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") run.skipped();
    else run.fail(failureOf(entry.item, error));
  }
}

function sessionRow({ session, profileId, profileTechniques }: LinkedSession) {
  return {
    externalKey: session.externalKey,
    profileId,
    variant: session.variant,
    source: "imported",
    config: { importedFrom: session.importedFrom, format: session.format },
    status: session.status,
    maxRounds: Math.max(DEFAULT_MAX_ROUNDS, session.rounds.length),
    technique: session.technique,
    techniqueRaw: session.techniqueRaw,
    plan: session.plan,
    openingCounselor: session.openingCounselor,
    openingClient: session.openingClient,
    roundCount: session.rounds.length,
    sessionNumber: session.sessionNumber,
    cost: session.cost,
    // The published session files do not carry the seed's techniques; its profile does.
    groundTruthCbt: session.groundTruthCbt ?? profileTechniques,
  } satisfies Prisma.SessionUncheckedCreateInput;
}
