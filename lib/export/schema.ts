import { z } from "zod";
import { ATTITUDES } from "@/lib/cbt/techniques";
import { idSchema } from "@/lib/http/fields";
import { VARIANTS } from "@/lib/pipeline/types";

// What an export is asked for: shared by the CLI, the download route and the Sessions page.

export const EXPORT_FORMATS = ["magnet-json", "magnet-raw", "chat-jsonl", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  "magnet-json": "MAGneT JSON (published sessions' shape)",
  "magnet-raw": "MAGneT raw (official scripts' output)",
  "chat-jsonl": "Chat JSONL (fine-tuning pairs)",
  csv: "CSV (one row per round)",
};

/**
 * Annotations are people's work, for researchers to take out: the CLI writes them, and so does the
 * researchers' download route, but not the Sessions export that viewers may use.
 */
export const ANNOTATION_EXPORT_FORMATS = ["annotations-csv", "annotations-jsonl"] as const;
export type AnnotationExportFormat = (typeof ANNOTATION_EXPORT_FORMATS)[number];
export const CLI_EXPORT_FORMATS = [...EXPORT_FORMATS, ...ANNOTATION_EXPORT_FORMATS] as const;
export type AnyExportFormat = (typeof CLI_EXPORT_FORMATS)[number];

/** Inclusive session-number range, as in the paper's split (train 1–270, validation 271–300). */
export interface NumberRange {
  from: number;
  to: number;
}

export const PAPER_SPLIT = { train: { from: 1, to: 270 }, validation: { from: 271, to: 300 } } as const;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values).optional());

const rangeSchema = z
  .string()
  .regex(/^\d+-\d+$/, "must be FROM-TO, e.g. 1-270")
  .transform((text) => {
    const [from, to] = text.split("-").map(Number);
    return { from, to };
  })
  .refine((range) => range.from <= range.to, "FROM must not exceed TO");

export const exportQuerySchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    variant: optionalEnum(VARIANTS),
    attitude: optionalEnum(ATTITUDES),
    source: optionalEnum(["generated", "imported"] as const),
    limit: z.coerce.number().int().min(1).max(1_000_000).optional(),
    train: rangeSchema.optional(),
    validation: rangeSchema.optional(),
  })
  .strict();

export type ExportQuery = z.infer<typeof exportQuerySchema>;

export const cliExportQuerySchema = exportQuerySchema.extend({ format: z.enum(CLI_EXPORT_FORMATS) });
export type ExportFilter = Pick<ExportQuery, "variant" | "attitude" | "source" | "limit">;
export interface ChatSplit {
  train: NumberRange;
  validation: NumberRange;
}

/** The researchers' download of annotations, optionally of one queue's sessions. */
export const annotationExportQuerySchema = z
  .object({
    format: z.enum([...ANNOTATION_EXPORT_FORMATS, "gold-jsonl"]),
    queueId: z.preprocess((v) => (v === "" ? undefined : v), idSchema.optional()),
  })
  .strict();
export type AnnotationExportQuery = z.infer<typeof annotationExportQuerySchema>;
