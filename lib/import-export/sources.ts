// Finds what to import: reads files and directories, and sorts their JSON into seed records and
// session files. Nothing here touches the database. An import over the limits is refused whole,
// before any file is parsed.

import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { checkJsonShape } from "./json-shape";
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_FILES,
  MAX_IMPORT_RECORDS,
  MAX_IMPORT_TOTAL_BYTES,
  MAX_JSON_DEPTH,
  MAX_JSON_ENTRIES,
} from "./limits";
import type { ImportFailure } from "./summary";

/** One JSON text and the name it is reported under. */
export interface ImportSource {
  name: string;
  text: string;
  /** Set for files found in a directory: only session_*.json and arrays of seed records count there. */
  fromDirectory?: boolean;
}

export type ImportItem =
  | { kind: "seed"; file: string; record: string; value: unknown }
  | { kind: "session"; file: string; record: string; value: unknown };

const SESSION_FILE = /^session_[^/\\]*\.json$/i;
const MB = 1024 * 1024;
const READ_AT_ONCE = 64;

interface FoundFile {
  file: string;
  /** Relative to the directory it was found in, so files of the same name in subfolders differ. */
  name: string;
  fromDirectory: boolean;
}

/** Reads every file and directory (recursively) named, within the limits on files and bytes. */
export async function readImportPaths(targets: string[]): Promise<ImportSource[]> {
  const found: FoundFile[] = [];
  for (const target of targets) found.push(...(await findFiles(target)));
  if (found.length > MAX_IMPORT_FILES) throw tooManyFiles(found.length, "path");
  const sizes = await Promise.all(found.map(async (entry) => (await stat(entry.file)).size));
  let total = 0;
  sizes.forEach((size, index) => {
    total += size;
    if (size > MAX_IMPORT_BYTES) {
      throw tooLarge(`${found[index].name} is ${Math.ceil(size / MB)} MB; one file may hold at most 64 MB`);
    }
  });
  if (total > MAX_IMPORT_TOTAL_BYTES) {
    throw tooLarge(`the files hold ${Math.ceil(total / MB)} MB; one import reads at most 512 MB`);
  }
  const sources: ImportSource[] = [];
  // A few at a time: thousands of files at once can run out of file descriptors.
  for (let start = 0; start < found.length; start += READ_AT_ONCE) {
    const batch = found.slice(start, start + READ_AT_ONCE);
    sources.push(...(await Promise.all(batch.map(readSource))));
  }
  return sources;
}

async function readSource(entry: FoundFile): Promise<ImportSource> {
  return { name: entry.name, text: await readFile(entry.file, "utf8"), fromDirectory: entry.fromDirectory };
}

async function findFiles(target: string): Promise<FoundFile[]> {
  const info = await stat(target).catch(() => {
    throw new AppError("not_found", `${target} does not exist`, [{ field: "path", message: "not found" }]);
  });
  if (!info.isDirectory()) return [{ file: target, name: path.basename(target), fromDirectory: false }];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".json"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
    .map((file) => ({ file, name: path.relative(target, file), fromDirectory: true }));
}

export function tooManyFiles(count: number, field: string): AppError {
  const message = `${count} files; one import takes at most ${MAX_IMPORT_FILES}`;
  return new AppError("too_large", `Too many files: ${message}`, [{ field, message }]);
}

function tooLarge(message: string, field = "files"): AppError {
  return new AppError("too_large", `Too large: ${message}`, [{ field, message }]);
}

export function itemsFromSources(sources: ImportSource[]): {
  items: ImportItem[];
  failures: ImportFailure[];
} {
  if (sources.length > MAX_IMPORT_FILES) throw tooManyFiles(sources.length, "files");
  const items: ImportItem[] = [];
  const failures: ImportFailure[] = [];
  for (const source of sources) {
    const found = itemsFromSource(source);
    if ("reason" in found) failures.push(found);
    else items.push(...found);
    if (items.length > MAX_IMPORT_RECORDS) throw tooManyRecords(`${items.length} or more`, source.name);
  }
  return { items, failures };
}

function tooManyRecords(count: string, file: string): AppError {
  const message = `${count} records; one import takes at most ${MAX_IMPORT_RECORDS.toLocaleString("en")}`;
  return new AppError("too_large", `Too many records (${file}): ${message}`, [{ field: file, message }]);
}

function itemsFromSource(source: ImportSource): ImportItem[] | ImportFailure {
  const looksLikeSession = SESSION_FILE.test(path.basename(source.name));
  const parsed = parseJson(source);
  if (!parsed.ok) {
    if (source.fromDirectory && !looksLikeSession) return [];
    return { record: source.name, file: source.name, reason: parsed.reason };
  }
  const value = parsed.value;
  if (looksLikeSession) {
    if (!isObject(value) || Array.isArray(value)) return sessionOnly(source);
    return [{ kind: "session", file: source.name, record: source.name, value }];
  }
  if (Array.isArray(value)) {
    return value.map((record, index) => ({
      kind: "seed",
      file: source.name,
      record: `index ${index}`,
      value: record,
    }));
  }
  if (source.fromDirectory) return [];
  if (isObject(value) && ("dialogue" in value || "history" in value)) {
    return [{ kind: "session", file: source.name, record: source.name, value }];
  }
  if (isObject(value) && "AI_client" in value) {
    return [{ kind: "seed", file: source.name, record: source.name, value }];
  }
  return {
    record: source.name,
    file: source.name,
    reason:
      "neither a MAGneT seed array (intake-forms.json) nor a session file (an object with a history or a dialogue)",
  };
}

function sessionOnly(source: ImportSource): ImportFailure {
  return {
    record: source.name,
    file: source.name,
    reason: "a session file must hold one object with a history or a dialogue",
  };
}

/** Parses JSON whose shape is within bounds; a top-level list over the record limit refuses the import. */
function parseJson(source: ImportSource): { ok: true; value: unknown } | { ok: false; reason: string } {
  const text = source.text.replace(/^\uFEFF/, "");
  const shape = checkJsonShape(text, MAX_JSON_ENTRIES, MAX_JSON_DEPTH);
  if (!shape.ok && shape.reason === "entries" && shape.depth === 1 && text.trimStart().startsWith("[")) {
    throw tooManyRecords(`more than ${MAX_IMPORT_RECORDS.toLocaleString("en")}`, source.name);
  }
  if (!shape.ok && shape.reason === "entries") {
    return { ok: false, reason: `holds a list or object of more than ${MAX_JSON_ENTRIES} entries` };
  }
  if (!shape.ok) return { ok: false, reason: `nests lists and objects deeper than ${MAX_JSON_DEPTH} levels` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
