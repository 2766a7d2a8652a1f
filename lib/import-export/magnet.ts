import "server-only";
import { getDb } from "@/lib/db/client";
import type { Variant } from "@/lib/pipeline/types";
import type { ProfileData } from "@/lib/profiles/schema";
import { parseOrThrow } from "@/lib/profiles/validation";
import { magnetSeedRecordSchema, profileFromMagnetRecord } from "./magnet-records";
import { fillReferenceTechniques } from "./reference-techniques";
import { failureOf, ImportRun } from "./run";
import { importSessions } from "./session-import";
import { type ImportItem, type ImportSource, itemsFromSources, readImportPaths } from "./sources";
import type { ImportFailure, ImportProgress, ImportSummary } from "./summary";

export type { ImportFailure, ImportProgress, ImportSummary };

// Imports the MAGneT files: seed records become client profiles and session files (the official
// scripts' output or the published data) become sessions. Every record is judged on its own, so one
// bad record never stops the rest; re-importing the same files only counts them as skipped. Limits
// on files, bytes and records refuse the whole import before anything is stored.

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** The method that wrote the session files; the files do not say. Default: magnet. */
  variant?: Variant;
}

export interface UploadedFile {
  name: string;
  text: string;
}

const PROFILE_BATCH = 150;

export async function importPath(target: string, options: ImportOptions = {}): Promise<ImportSummary> {
  return importPaths([target], options);
}

export async function importPaths(targets: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  return importSources(await readImportPaths(targets), options);
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
  await importSessions(run, sessions, options.variant ?? "magnet");
  return run.summary();
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
