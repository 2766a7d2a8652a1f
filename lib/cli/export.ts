// Exports sessions: the MAGneT shapes (one session_N.json per session, in a folder per variant), chat
// fine-tuning pairs split by session number, a CSV with one row per round, or the clinicians'
// annotations (one row per item; gold rewrites also as fine-tuning pairs).
//   npm run export -- --format <magnet-json|magnet-raw|chat-jsonl|csv|annotations-csv|annotations-jsonl> --out DIR [filters]
import path from "node:path";
import { loadDotEnv, runCli } from "../db/migrations/cli-support";
import { countExportSessions } from "../export/records";
import { exportToDir } from "../export/write-dir";
import { withStudioDatabase } from "../studio/database";
import { EXPORT_USAGE, parseExportArgs } from "./export-args";

runCli(async () => {
  const options = parseExportArgs(process.argv.slice(2));
  if (!options) return console.log(EXPORT_USAGE);
  loadDotEnv();
  await withStudioDatabase(async () => {
    const total = await countExportSessions(options.filter);
    console.log(`Exporting ${total} session(s) as ${options.format} to ${path.resolve(options.out)}`);
    const started = performance.now();
    const result = await exportToDir(options.format, options.filter, options.split, options.out, (tally) => {
      if (process.stdout.isTTY) process.stdout.write(`\r${tally.sessions}/${total} sessions`);
    });
    if (process.stdout.isTTY) process.stdout.write("\n");
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const { tally } = result;
    const what =
      options.format === "chat-jsonl"
        ? ` · ${tally.records} examples (train ${tally.bySplit.train}, validation ${tally.bySplit.validation}, other ${tally.bySplit.other})`
        : options.format === "csv"
          ? ` · ${tally.records} rows`
          : options.format.startsWith("annotations-")
            ? ` · ${tally.records} annotation rows`
            : "";
    console.log(
      `Wrote ${result.files.length} file(s) from ${tally.sessions} session(s)${what} in ${seconds} s`,
    );
  });
});
