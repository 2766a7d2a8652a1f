import "server-only";
import { sessionScoresOf } from "@/lib/eval/summary";
import { annotationCsvChunks, annotationJsonlChunks, goldPairChunks } from "./annotations";
import { chatExamples, type SplitName } from "./chat";
import { CSV_COLUMNS, csvLine, csvRows } from "./csv";
import { magnetFileName, toOfficialOutput, toPublishedSession } from "./magnet";
import { candidatesOf, type ExportScope, limitToId, streamExportSessions } from "./records";
import type { AnyExportFormat, ChatSplit, ExportFilter } from "./schema";

// Every export is a sequence of files, each produced lazily as text chunks, so writing them to a folder
// or into a zip never holds more than one page of sessions in memory.

export interface ExportFile {
  path: string;
  chunks: () => AsyncGenerator<string>;
}

export interface ExportTally {
  sessions: number;
  /** Chat examples, CSV rows or annotation item rows written. */
  records: number;
  bySplit: Record<SplitName, number>;
}

export function newTally(): ExportTally {
  return { sessions: 0, records: 0, bySplit: { train: 0, validation: 0, other: 0 } };
}

export async function* exportFiles(
  format: AnyExportFormat,
  filter: ExportFilter,
  split: ChatSplit,
  tally: ExportTally,
): AsyncGenerator<ExportFile> {
  const scope = await limitToId(filter);
  if (format === "chat-jsonl") yield* chatFiles(scope, split, tally);
  else if (format === "csv") yield { path: "sessions.csv", chunks: () => csvChunks(scope, tally) };
  else if (format === "annotations-csv" || format === "annotations-jsonl")
    yield* annotationFiles(format, scope, tally);
  else yield* magnetFiles(format, scope, tally);
}

async function* magnetFiles(format: "magnet-json" | "magnet-raw", scope: ExportScope, tally: ExportTally) {
  const taken = new Set<string>();
  const shape = format === "magnet-json" ? toPublishedSession : toOfficialOutput;
  for await (const session of streamExportSessions(scope)) {
    tally.sessions++;
    const text = `${JSON.stringify(shape(session), null, 2)}\n`;
    yield { path: magnetFileName(session, taken), chunks: () => once(text) };
  }
}

function chatFiles(scope: ExportScope, split: ChatSplit, tally: ExportTally): ExportFile[] {
  const ranges = [split.train, split.validation];
  const part = (name: SplitName, numbers: ExportScope["numbers"]): ExportFile => ({
    path: `${name}.jsonl`,
    async *chunks() {
      for await (const session of streamExportSessions({ ...scope, numbers })) {
        tally.sessions++;
        for (const example of chatExamples(session)) {
          tally.records++;
          tally.bySplit[name]++;
          yield `${JSON.stringify(example)}\n`;
        }
      }
    },
  });
  return [
    part("train", { ranges: [split.train] }),
    part("validation", { ranges: [split.validation] }),
    part("other", { ranges, outside: true }),
  ];
}

async function* csvChunks(scope: ExportScope, tally: ExportTally): AsyncGenerator<string> {
  yield csvLine(CSV_COLUMNS);
  for await (const session of streamExportSessions(scope)) {
    tally.sessions++;
    const [candidates, scores] = await Promise.all([candidatesOf(session.id), sessionScoresOf(session.id)]);
    for (const row of csvRows(session, candidates, scores)) {
      tally.records++;
      yield row;
    }
  }
}

function annotationFiles(
  format: "annotations-csv" | "annotations-jsonl",
  scope: ExportScope,
  tally: ExportTally,
) {
  const count = () => {
    tally.records++;
  };
  if (format === "annotations-csv")
    return [{ path: "annotations.csv", chunks: () => annotationCsvChunks(scope, count) }];
  return [
    { path: "annotations.jsonl", chunks: () => annotationJsonlChunks(scope, count) },
    { path: "gold-rewrites.jsonl", chunks: () => goldPairChunks(scope) },
  ];
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}
