import { type ParseArgsConfig, parseArgs } from "node:util";

// The one way our CLIs read their flags: strict (an unknown flag or a stray argument is an error
// naming it), `npm run x -- …`'s separator ignored, and each CLI's own usage added to the message.

/** Builds the error a CLI prints for a problem with its arguments. */
export type UsageProblem = (problem: string) => Error;

/** Flag values by name: a string, true for a boolean flag, a list for a repeatable one. */
export type Flags = Record<string, string | boolean | (string | boolean)[] | undefined>;

export function readFlags<O extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: O,
  fail: UsageProblem,
): Flags {
  try {
    return parseArgs({
      args: args.filter((arg) => arg !== "--"),
      options,
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw fail(flagProblem(error));
  }
}

/** parseArgs's errors, reworded to name the flag. */
function flagProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const flag = message.match(/'(-{1,2}[^' ]+)/)?.[1];
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown flag ${flag}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return `${flag} needs a value`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL")
    return `unexpected argument ${message.match(/'([^']*)'/)?.[1]}`;
  return message;
}

/** A flag's whole number within [min, max]; undefined when the flag is absent. */
export function wholeNumber(
  flag: string,
  value: unknown,
  range: { min: number; max?: number },
  fail: UsageProblem,
): number | undefined {
  if (value === undefined) return undefined;
  const { min, max = Number.MAX_SAFE_INTEGER } = range;
  const number = Number(value);
  if (String(value).trim() !== "" && Number.isInteger(number) && number >= min && number <= max)
    return number;
  const within = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
  throw fail(`--${flag} must be a whole number ${within} (got "${value}")`);
}
