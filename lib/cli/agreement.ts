// Krippendorff's alpha for ratings from any tool, with the code the studio uses:
//   npm run agreement -- --file ratings.csv --level nominal|ordinal|interval|ratio
// The CSV has the header unit,coder,value; a blank or absent value is missing. Alpha is the last line.
import { readFile } from "node:fs/promises";
import { runCli } from "../db/migrations/cli-support";
import {
  krippendorffAlpha,
  MEASUREMENT_LEVELS,
  type MeasurementLevel,
  percentAgreement,
} from "../stats/krippendorff";
import { parseRatingsCsv } from "../stats/ratings-csv";
import { readFlags } from "./flags";

const USAGE = `Usage: npm run agreement -- --file ratings.csv --level ${MEASUREMENT_LEVELS.join("|")}`;

runCli(async () => {
  const args = parseAgreementArgs(process.argv.slice(2));
  if (!args) return console.log(USAGE);
  const text = await readFile(args.file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new Error(`--file ${args.file}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  });
  let ratings: ReturnType<typeof parseRatingsCsv>;
  try {
    ratings = parseRatingsCsv(text, args.level);
  } catch (error) {
    throw new Error(`${args.file}, ${error instanceof Error ? error.message : String(error)}`);
  }
  const { alpha, units, pairable } = krippendorffAlpha(ratings, args.level);
  const coders = new Set(ratings.map((r) => r.coder)).size;
  const missing = ratings.filter((r) => r.value === null).length;
  const agreement = percentAgreement(ratings);
  console.log(
    `${args.file}: ${ratings.length} ratings (${missing} missing) of ${units} units by ${coders} coders`,
  );
  console.log(`Pairable values: ${pairable} (units with two or more values)`);
  console.log(`Percent agreement: ${agreement === null ? "undefined" : `${(agreement * 100).toFixed(1)}%`}`);
  console.log(
    alpha === null
      ? `Krippendorff's alpha (${args.level}): undefined (no pairable values or no variation)`
      : `Krippendorff's alpha (${args.level}): ${alpha.toFixed(4)}`,
  );
});

function parseAgreementArgs(argv: string[]): { file: string; level: MeasurementLevel } | null {
  const values = readFlags(
    argv,
    { file: { type: "string" }, level: { type: "string" }, help: { type: "boolean" } },
    (problem) => new Error(`${problem}\n${USAGE}`),
  );
  if (values.help) return null;
  const file = values.file;
  if (typeof file !== "string" || !file) throw new Error(`--file is required\n${USAGE}`);
  const level = MEASUREMENT_LEVELS.find((l) => l === values.level);
  if (!level) {
    const problem = values.level === undefined ? "is required" : `"${values.level}" is unknown`;
    throw new Error(`--level ${problem} (one of ${MEASUREMENT_LEVELS.join(", ")})\n${USAGE}`);
  }
  return { file, level };
}
