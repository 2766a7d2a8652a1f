// The flags of `npm run evaluate`, parsed and checked before anything touches the database.
import { EVALUATION_METRICS, type EvaluationMetric } from "../eval/scales";
import { type ExportFilter, exportQuerySchema } from "../export/schema";
import { fromZodError } from "../http/route";
import { readFlags, wholeNumber } from "./flags";

export const EVALUATE_USAGE = [
  "Usage: npm run evaluate -- --metric ctrs,wai,panas,diversity",
  "         [--variant magnet] [--attitude positive|neutral|negative] [--source generated|imported] [--limit N]",
  "         [--judge-model gpt-4o] [--runs 3] [--concurrency 4] [--json FILE]",
].join("\n");

export interface EvaluateArgs {
  metrics: EvaluationMetric[];
  filter: ExportFilter;
  judgeModel?: string;
  runs: number;
  concurrency: number;
  json?: string;
}

export function parseEvaluateArgs(args: string[]): EvaluateArgs | null {
  const text = { type: "string" } as const;
  const values = readFlags(
    args,
    {
      metric: text,
      variant: text,
      attitude: text,
      source: text,
      limit: text,
      "judge-model": text,
      runs: text,
      concurrency: text,
      json: text,
      help: { type: "boolean" },
    },
    usage,
  );
  if (values.help) return null;
  const metrics = String(values.metric ?? "")
    .split(",")
    .map((m) => m.trim())
    .filter(Boolean);
  if (metrics.length === 0) throw usage("--metric is required");
  const known = metrics.map((m) => EVALUATION_METRICS.find((k) => k === m));
  const unknown = metrics.filter((_, i) => known[i] === undefined);
  if (unknown.length)
    throw usage(`--metric: unknown ${unknown.join(", ")} (known: ${EVALUATION_METRICS.join(", ")})`);
  const parsed = exportQuerySchema.safeParse({
    format: "csv",
    variant: values.variant,
    attitude: values.attitude,
    source: values.source,
    limit: values.limit,
  });
  if (!parsed.success) throw usage(fromZodError(parsed.error).message);
  const { format: _format, train: _train, validation: _validation, ...filter } = parsed.data;
  return {
    metrics: known.filter((m): m is EvaluationMetric => m !== undefined),
    filter,
    judgeModel: typeof values["judge-model"] === "string" ? values["judge-model"] : undefined,
    runs: wholeNumber("runs", values.runs, { min: 1, max: 10 }, usage) ?? 3,
    concurrency: wholeNumber("concurrency", values.concurrency, { min: 1, max: 32 }, usage) ?? 4,
    json: typeof values.json === "string" ? values.json : undefined,
  };
}

function usage(message: string): Error {
  return new Error(`${message}\n${EVALUATE_USAGE}`);
}
