// Finds what to import: reads files and directories, and sorts their JSON into seed records and
// session files. Nothing here touches the database.

import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";
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

export async function readImportPath(target: string): Promise<ImportSource[]> {
  const info = await stat(target).catch(() => {
    throw new AppError("not_found", `${target} does not exist`, [{ field: "path", message: "not found" }]);
  });
  if (!info.isDirectory()) {
    return [{ name: path.basename(target), text: await readFile(target, "utf8") }];
  }
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".json"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  return Promise.all(
    files.map(async (file) => ({
      name: path.basename(file),
      text: await readFile(file, "utf8"),
      fromDirectory: true,
    })),
  );
}

export function itemsFromSources(sources: ImportSource[]): {
  items: ImportItem[];
  failures: ImportFailure[];
} {
  const items: ImportItem[] = [];
  const failures: ImportFailure[] = [];
  for (const source of sources) {
    const found = itemsFromSource(source);
    if ("reason" in found) failures.push(found);
    else items.push(...found);
  }
  return { items, failures };
}

function itemsFromSource(source: ImportSource): ImportItem[] | ImportFailure {
  const looksLikeSession = SESSION_FILE.test(source.name);
  const parsed = parseJson(source.text);
  if (!parsed.ok) {
    if (source.fromDirectory && !looksLikeSession) return [];
    return { record: source.name, file: source.name, reason: `not valid JSON: ${parsed.reason}` };
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
  if (isObject(value) && "dialogue" in value) {
    return [{ kind: "session", file: source.name, record: source.name, value }];
  }
  if (isObject(value) && "AI_client" in value) {
    return [{ kind: "seed", file: source.name, record: source.name, value }];
  }
  return {
    record: source.name,
    file: source.name,
    reason: "neither a MAGneT seed array (intake-forms.json) nor a session file (an object with a dialogue)",
  };
}

function sessionOnly(source: ImportSource): ImportFailure {
  return {
    record: source.name,
    file: source.name,
    reason: "a session file must hold one object with a dialogue",
  };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, "")) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
