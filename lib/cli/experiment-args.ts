// The flags of `npm run experiment`, checked against the same design schema as the Experiments page;
// a bad value is an error naming its flag.
import { type ExperimentDesign, experimentDesignSchema } from "@/lib/experiments/schema";
import { MODEL_PROVIDERS, SESSION_AGENTS } from "@/lib/sessions/schema";
import { readFlags } from "./flags";

export const EXPERIMENT_USAGE = [
  "Usage: npm run experiment -- --name NAME --variants magnet,no_selector [--attitudes negative,...]",
  "         [--profiles <id,id,...|all>] [--limit N (per attitude)] [--rounds R] [--repeats K]",
  "         [--model AGENT=PROVIDER:MODEL,PROVIDER:MODEL ...] (the agent's model is an axis; repeatable)",
  "         [--evaluate ctrs,wai,panas,diversity] [--wait] [--work C (run C sessions here while waiting)]",
].join("\n");

const FLAG_OF_FIELD: Record<string, string> = { models: "model", evaluate: "evaluate" };

export interface ExperimentOptions {
  design: ExperimentDesign;
  wait: boolean;
  /** Sessions this command runs itself while it waits; 0: workers elsewhere do. */
  work: number;
}

export class ExperimentUsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${EXPERIMENT_USAGE}`);
  }
}

/** The options, or null when --help asked for the usage. */
export function parseExperimentArgs(args: string[]): ExperimentOptions | null {
  const text = { type: "string" } as const;
  const values = readFlags(
    args,
    {
      name: text,
      description: text,
      variants: text,
      attitudes: text,
      profiles: text,
      limit: text,
      rounds: text,
      repeats: text,
      model: { type: "string", multiple: true },
      evaluate: text,
      wait: { type: "boolean" },
      work: text,
      help: { type: "boolean" },
    },
    (problem) => new ExperimentUsageError(problem),
  );
  if (values.help) return null;
  if (values.name === undefined) throw new ExperimentUsageError("--name is required");
  if (values.variants === undefined) throw new ExperimentUsageError("--variants is required");
  const raw = {
    name: values.name,
    description: values.description,
    variants: list(values.variants),
    attitudes: values.attitudes === undefined ? undefined : list(values.attitudes),
    profiles: values.profiles === undefined || values.profiles === "all" ? "all" : list(values.profiles),
    limit: integer("limit", values.limit),
    rounds: integer("rounds", values.rounds),
    repeats: integer("repeats", values.repeats),
    models: models((values.model as string[] | undefined) ?? []),
    evaluate: values.evaluate === undefined ? undefined : list(values.evaluate),
  };
  const parsed = experimentDesignSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue.path[0]);
    const flag = FLAG_OF_FIELD[field] ?? field;
    const got = issue.path.length > 1 ? valueAt(raw, issue.path) : raw[field as keyof typeof raw];
    throw new ExperimentUsageError(`--${flag}: ${issue.message} (got ${JSON.stringify(got)})`);
  }
  const work = integer("work", values.work) ?? 0;
  if (work < 0 || work > 64) throw new ExperimentUsageError(`--work must be from 0 to 64 (got ${work})`);
  return { design: parsed.data, wait: values.wait === true || work > 0, work };
}

function list(value: unknown): string[] {
  return String(value)
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

function integer(flag: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (String(value).trim() === "" || !Number.isInteger(number))
    throw new ExperimentUsageError(`--${flag} must be a whole number (got "${value}")`);
  return number;
}

/** --model planner=openai:gpt-4o-mini,openai:gpt-4o → { planner: [{...}, {...}] }. */
function models(flags: string[]) {
  const result: Record<string, { provider: string; modelId: string }[]> = {};
  for (const flag of flags) {
    const [agent, choices] = flag.split("=", 2);
    if (!choices || !(SESSION_AGENTS as readonly string[]).includes(agent))
      throw new ExperimentUsageError(
        `--model must be AGENT=PROVIDER:MODEL,... with AGENT one of ${SESSION_AGENTS.join(", ")} (got "${flag}")`,
      );
    result[agent] = list(choices).map((choice) => {
      const at = choice.indexOf(":");
      const provider = choice.slice(0, at);
      if (at < 1 || !(MODEL_PROVIDERS as readonly string[]).includes(provider))
        throw new ExperimentUsageError(
          `--model ${agent}: each model is PROVIDER:MODEL with PROVIDER one of ${MODEL_PROVIDERS.join(", ")} (got "${choice}")`,
        );
      return { provider, modelId: choice.slice(at + 1) };
    });
  }
  return result;
}

function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((at, key) => (at as Record<PropertyKey, unknown> | undefined)?.[key], value);
}
