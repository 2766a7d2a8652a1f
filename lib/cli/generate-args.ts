// The flags of `npm run generate`, parsed and checked before anything touches the database.
import { MAX_ROUNDS_LIMIT, SESSION_VARIANTS } from "@/lib/sessions/schema";
import { ATTITUDES, type AttitudeName } from "../cbt/techniques";
import type { MethodSwitches, Variant } from "../pipeline";
import { readFlags, wholeNumber as readWholeNumber, type UsageProblem } from "./flags";

export const USAGE = [
  "Usage: npm run generate -- --profiles <id,id,...|all> [--variant magnet] [--attitude positive|neutral|negative]",
  "         [--limit N] [--concurrency C] [--rounds R]",
  "       Departures from the paper's method (all off by default):",
  "         [--fuse-selected-only] [--short-answers] [--min-rounds-before-end K]",
].join("\n");
const MAX_CONCURRENCY = 32;

export interface GenerateOptions {
  variant: Variant;
  profiles: string[] | "all";
  attitude?: AttitudeName;
  limit?: number;
  concurrency: number;
  rounds: number;
  switches: MethodSwitches;
  minRoundsBeforeEnd: number;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${USAGE}`);
  }
}

/** The options, or null when --help asked for the usage. */
export function parseGenerateArgs(args: string[]): GenerateOptions | null {
  const text = { type: "string" } as const;
  const flag = { type: "boolean" } as const;
  const values = readFlags(
    args,
    {
      variant: text,
      profiles: text,
      attitude: text,
      limit: text,
      concurrency: text,
      rounds: text,
      "fuse-selected-only": flag,
      "short-answers": flag,
      "min-rounds-before-end": text,
      help: flag,
    },
    usage,
  );
  if (values.help) return null;
  const rounds = wholeNumber("rounds", values.rounds, 1, MAX_ROUNDS_LIMIT) ?? 20;
  return {
    variant: oneOf("variant", values.variant, SESSION_VARIANTS) ?? "magnet",
    profiles: profileIds(values.profiles),
    attitude: oneOf("attitude", values.attitude, ATTITUDES),
    limit: wholeNumber("limit", values.limit, 1, Number.MAX_SAFE_INTEGER),
    concurrency: wholeNumber("concurrency", values.concurrency, 1, MAX_CONCURRENCY) ?? 2,
    rounds,
    switches: {
      fuseSelectedOnly: values["fuse-selected-only"] === true,
      shortAnswers: values["short-answers"] === true,
    },
    minRoundsBeforeEnd: wholeNumber("min-rounds-before-end", values["min-rounds-before-end"], 0, rounds) ?? 0,
  };
}

function oneOf<T extends string>(flag: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((item) => item === value);
  if (found) return found;
  throw new UsageError(`--${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
}

function wholeNumber(flag: string, value: unknown, min: number, max: number): number | undefined {
  return readWholeNumber(flag, value, { min, max }, usage);
}

const usage: UsageProblem = (problem) => new UsageError(problem);

function profileIds(value: unknown): string[] | "all" {
  if (value === undefined)
    throw new UsageError("--profiles is required: profile ids separated by commas, or all");
  if (value === "all") return "all";
  const ids = String(value)
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.length === 0) throw new UsageError("--profiles names no profile");
  return [...new Set(ids)];
}
