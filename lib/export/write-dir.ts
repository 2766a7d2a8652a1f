import "server-only";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type ExportTally, exportFiles, newTally } from "./files";
import type { AnyExportFormat, ChatSplit, ExportFilter } from "./schema";

export interface DirExport {
  tally: ExportTally;
  files: string[];
}

/** Writes an export into `outDir` (created if missing), file by file, respecting back-pressure. */
export async function exportToDir(
  format: AnyExportFormat,
  filter: ExportFilter,
  split: ChatSplit,
  outDir: string,
  onFile?: (tally: ExportTally) => void,
): Promise<DirExport> {
  const tally = newTally();
  const files: string[] = [];
  for await (const file of exportFiles(format, filter, split, tally)) {
    const target = path.join(outDir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    const out = createWriteStream(target);
    for await (const chunk of file.chunks()) {
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    files.push(file.path);
    onFile?.(tally);
  }
  return { tally, files };
}
