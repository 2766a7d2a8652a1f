import { parseArgs } from "node:util";
import { VARIANTS, type Variant } from "../pipeline/types";

export const IMPORT_USAGE =
  "Usage: npm run import -- [--variant magnet] <file|dir> [...more]\n" +
  `  --variant  the method that wrote the session files (they do not say): ${VARIANTS.join(", ")}`;

export interface ImportArgs {
  variant: Variant;
  targets: string[];
}

/** The import command's arguments; a wrong one throws a message naming it, followed by the usage. */
export function parseImportArgs(args: string[]): ImportArgs | null {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args.filter((arg) => arg !== "--"));
  } catch (error) {
    throw usage(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) return null;
  const variant = parsed.values.variant ?? "magnet";
  if (!isVariant(variant)) throw usage(`--variant ${variant} is not one of ${VARIANTS.join(", ")}`);
  if (parsed.positionals.length === 0) throw usage("nothing to import");
  return { variant, targets: parsed.positionals };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: { variant: { type: "string" }, help: { type: "boolean" } },
    strict: true,
    allowPositionals: true,
  });
}

function isVariant(value: string): value is Variant {
  return (VARIANTS as readonly string[]).includes(value);
}

function usage(problem: string): Error {
  return new Error(`${problem}\n${IMPORT_USAGE}`);
}
