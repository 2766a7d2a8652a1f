import "server-only";
import { getDb, Prisma } from "@/lib/db/client";
import type { ProfileData } from "@/lib/profiles/schema";
import { parseOrThrow } from "@/lib/profiles/validation";
import {
  type ImportedSession,
  magnetSeedRecordSchema,
  magnetSessionFileSchema,
  profileFromMagnetRecord,
  sessionFromMagnetFile,
} from "./magnet-records";
import { type ImportItem, type ImportSource, itemsFromSources, readImportPath } from "./sources";
import type { ImportFailure, ImportProgress, ImportSummary } from "./summary";

export type { ImportFailure, ImportProgress, ImportSummary };

// Imports the MAGneT publication's files: seed records become client profiles and session files
// become sessions. Every record is judged on its own, so one bad record never stops the rest;
// re-importing the same files only counts them as skipped.

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
}

export interface UploadedFile {
  name: string;
  text: string;
}

const PROFILE_BATCH = 150;
// Sessions of a batch share one transaction (sessions, then all their rounds); if the batch fails,
// each session is retried in a transaction of its own so only the broken one fails.
const SESSION_BATCH = 50;

export async function importPath(target: string, options: ImportOptions = {}): Promise<ImportSummary> {
  return importPaths([target], options);
}

export async function importPaths(targets: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const sources: ImportSource[] = [];
  for (const target of targets) sources.push(...(await readImportPath(target)));
  return importSources(sources, options);
}

/** For the Profiles page upload form: one or more uploaded JSON files, judged by their content. */
export async function importUploadedFiles(
  files: UploadedFile | UploadedFile[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const list = Array.isArray(files) ? files : [files];
  const sources = list.map((file) => ({ name: file.name, text: file.text }));
  return importSources(sources, options);
}

export async function importSources(
  sources: ImportSource[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const { items, failures } = itemsFromSources(sources);
  const run = new ImportRun(items.length, options.onProgress);
  for (const failure of failures) run.fail(failure);
  // Profiles first, so sessions link to profiles that carry their seed record's techniques.
  const seeds = items.filter((item) => item.kind === "seed");
  const sessions = items.filter((item) => item.kind === "session");
  await importProfiles(run, seeds);
  await importSessions(run, sessions);
  return run.summary();
}

class ImportRun {
  private readonly result: ImportSummary = { imported: 0, skipped: 0, failed: 0, errors: [] };
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly onProgress?: (progress: ImportProgress) => void,
  ) {}

  imported(count = 1) {
    this.result.imported += count;
  }

  skipped(count = 1) {
    this.result.skipped += count;
  }

  fail(failure: ImportFailure) {
    this.result.failed += 1;
    this.result.errors.push(failure);
  }

  advance(phase: ImportProgress["phase"], count: number) {
    this.done += count;
    this.onProgress?.({ done: this.done, total: this.total, phase });
  }

  summary(): ImportSummary {
    return { ...this.result, errors: [...this.result.errors] };
  }
}

function failureOf(item: ImportItem, error: unknown): ImportFailure {
  return { record: item.record, file: item.file, reason: reasonOf(error) };
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Database errors carry a multi-line trace of the query; the last line says what went wrong.
  const lines = error.message.split("\n").filter((line) => line.trim());
  return lines.length > 1 ? lines[lines.length - 1].trim() : error.message;
}

// ---- Profiles (intake-forms.json) ----

async function importProfiles(run: ImportRun, items: ImportItem[]): Promise<void> {
  const seen = new Set<string>();
  const batch: { item: ImportItem; profile: ProfileData }[] = [];
  for (const item of items) {
    try {
      const record = parseOrThrow(magnetSeedRecordSchema, item.value);
      const profile = profileFromMagnetRecord(record, record.ground_truth_CBT);
      const key = profile.externalKey as string;
      if (seen.has(key)) {
        run.skipped();
        run.advance("profiles", 1);
        continue;
      }
      seen.add(key);
      batch.push({ item, profile });
    } catch (error) {
      run.fail(failureOf(item, error));
      run.advance("profiles", 1);
    }
  }
  for (let start = 0; start < batch.length; start += PROFILE_BATCH) {
    const chunk = batch.slice(start, start + PROFILE_BATCH);
    await insertProfiles(run, chunk);
    run.advance("profiles", chunk.length);
  }
}

async function insertProfiles(
  run: ImportRun,
  chunk: { item: ImportItem; profile: ProfileData }[],
): Promise<void> {
  const db = getDb();
  try {
    const { count } = await db.clientProfile.createMany({
      data: chunk.map((entry) => entry.profile),
      skipDuplicates: true,
    });
    run.imported(count);
    run.skipped(chunk.length - count);
  } catch {
    // Something in the batch is unacceptable to the database: find out which record, one by one.
    for (const entry of chunk) {
      try {
        const { count } = await db.clientProfile.createMany({ data: [entry.profile], skipDuplicates: true });
        if (count === 1) run.imported();
        else run.skipped();
      } catch (error) {
        run.fail(failureOf(entry.item, error));
      }
    }
  }
  await fillReferenceTechniques(chunk.map((entry) => entry.profile));
}

/**
 * A profile first created from a session file has no reference techniques (session files do not
 * carry them); when its seed record arrives later, the record's techniques fill the gap.
 */
async function fillReferenceTechniques(profiles: ProfileData[]): Promise<void> {
  const techniques = new Map(
    profiles
      .filter((profile) => profile.referenceTechniques.length > 0)
      .map((profile) => [profile.externalKey as string, profile.referenceTechniques]),
  );
  if (techniques.size === 0) return;
  const db = getDb();
  const bare = await db.clientProfile.findMany({
    where: { externalKey: { in: [...techniques.keys()] }, referenceTechniques: { isEmpty: true } },
    select: { id: true, externalKey: true },
  });
  if (bare.length === 0) return;
  await db.$transaction(
    bare.map((profile) =>
      db.clientProfile.update({
        where: { id: profile.id },
        data: { referenceTechniques: techniques.get(profile.externalKey as string) },
      }),
    ),
  );
}

// ---- Sessions (session_N.json) ----

interface PendingSession {
  item: ImportItem;
  session: ImportedSession;
}

async function importSessions(run: ImportRun, items: ImportItem[]): Promise<void> {
  const pending = validateSessions(run, items);
  const fresh = await dropExistingSessions(run, pending);
  if (fresh.length === 0) return;
  const profiles = await ensureSessionProfiles(fresh);
  const linked: LinkedSession[] = [];
  for (const entry of fresh) {
    const key = entry.session.profileKey;
    const profileId = profiles.ids.get(key);
    if (profileId) {
      linked.push({ ...entry, profileId });
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

function validateSessions(run: ImportRun, items: ImportItem[]): PendingSession[] {
  const seen = new Set<string>();
  const pending: PendingSession[] = [];
  for (const item of items) {
    try {
      const file = parseOrThrow(magnetSessionFileSchema, item.value);
      const session = sessionFromMagnetFile(file, item.file);
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

async function dropExistingSessions(run: ImportRun, pending: PendingSession[]): Promise<PendingSession[]> {
  if (pending.length === 0) return [];
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
 * Profile id for every session's profile key, creating the profiles that were never imported.
 * A profile the database refuses is left out, with the reason, so only its sessions fail.
 */
async function ensureSessionProfiles(pending: PendingSession[]) {
  const profiles = new Map(pending.map((entry) => [entry.session.profileKey, entry.session.profile]));
  const ids = await profileIdsByKey([...profiles.keys()]);
  const refused = new Map<string, string>();
  const missing = [...profiles.values()].filter((profile) => !ids.has(profile.externalKey as string));
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
    const created = await profileIdsByKey(missing.map((profile) => profile.externalKey as string));
    for (const [key, id] of created) ids.set(key, id);
  }
  return { ids, refused };
}

async function profileIdsByKey(keys: string[]): Promise<Map<string, string>> {
  const found = await getDb().clientProfile.findMany({
    where: { externalKey: { in: keys } },
    select: { id: true, externalKey: true },
  });
  return new Map(found.map((profile) => [profile.externalKey as string, profile.id]));
}

interface LinkedSession extends PendingSession {
  profileId: string;
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

function sessionRow({ session, profileId }: LinkedSession) {
  return {
    externalKey: session.externalKey,
    profileId,
    variant: "magnet",
    source: "imported",
    config: { importedFrom: session.importedFrom },
    status: session.status,
    maxRounds: Math.max(20, session.rounds.length),
    technique: session.technique,
    techniqueRaw: session.techniqueRaw,
    plan: session.plan,
    openingCounselor: session.openingCounselor,
    openingClient: session.openingClient,
    roundCount: session.rounds.length,
  } satisfies Prisma.SessionUncheckedCreateInput;
}
