// The flags of `npm run export`, parsed and checked before anything touches the database.
import {
  type AnyExportFormat,
  type ChatSplit,
  cliExportQuerySchema,
  type ExportFilter,
  PAPER_SPLIT,
} from "../export/schema";
import { fromZodError } from "../http/route";
import { readFlags } from "./flags";

export const EXPORT_USAGE = [
  "Usage: npm run export -- --format <magnet-json|magnet-raw|chat-jsonl|csv|annotations-csv|annotations-jsonl> --out DIR",
  "         [--variant magnet] [--attitude positive|neutral|negative] [--source generated|imported] [--limit N]",
  "         [--train 1-270] [--validation 271-300]   (chat-jsonl: session-number ranges of the split)",
  "  annotations-jsonl also writes gold-rewrites.jsonl: the clinicians' rewrites as fine-tuning pairs",
].join("\n");

export interface ExportOptions {
  format: AnyExportFormat;
  out: string;
  filter: ExportFilter;
  split: ChatSplit;
}

/** The options, or null when --help asked for the usage. */
export function parseExportArgs(args: string[]): ExportOptions | null {
  const text = { type: "string" } as const;
  const values = readFlags(
    args,
    {
      format: text,
      out: text,
      variant: text,
      attitude: text,
      source: text,
      limit: text,
      train: text,
      validation: text,
      help: { type: "boolean" },
    },
    (problem) => new Error(`${problem}\n${EXPORT_USAGE}`),
  );
  if (values.help) return null;
  const { help: _help, out, ...query } = values;
  if (typeof out !== "string" || !out) throw new Error(`--out DIR is required\n${EXPORT_USAGE}`);
  const parsed = cliExportQuerySchema.safeParse(query);
  if (!parsed.success) throw new Error(`${fromZodError(parsed.error).message}\n${EXPORT_USAGE}`);
  const { format, train, validation, ...filter } = parsed.data;
  return {
    format,
    out,
    filter,
    split: { train: train ?? PAPER_SPLIT.train, validation: validation ?? PAPER_SPLIT.validation },
  };
}
