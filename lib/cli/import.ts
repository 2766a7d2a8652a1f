// Imports MAGneT data: the seed file (intake-forms.json), session files (session_N.json: the official
// scripts' output or the published data), or directories of them.
//   npm run import -- [--variant magnet] <file|dir> [...more]
import { loadDotEnv, runCli } from "../db/migrations/cli-support";
import { importPaths } from "../import-export/magnet";
import type { ImportProgress, ImportSummary } from "../import-export/summary";
import { withStudioDatabase } from "../studio/database";
import { IMPORT_USAGE, parseImportArgs } from "./import-args";

runCli(async () => {
  const args = parseImportArgs(process.argv.slice(2));
  if (!args) return console.log(IMPORT_USAGE);
  loadDotEnv();
  await withStudioDatabase(async () => {
    const progress = createProgressReporter(process.stdout);
    const started = performance.now();
    const summary = await importPaths(args.targets, { onProgress: progress.update, variant: args.variant });
    progress.finish();
    printSummary(summary, performance.now() - started);
    if (summary.failed > 0) process.exitCode = 1;
  });
});

function printSummary(summary: ImportSummary, elapsedMs: number): void {
  const seconds = (elapsedMs / 1000).toFixed(1);
  console.log(
    `Imported ${summary.imported} · skipped ${summary.skipped} (already present) · failed ${summary.failed} in ${seconds} s`,
  );
  for (const error of summary.errors) {
    const where = error.record === error.file ? error.file : `${error.file} ${error.record}`;
    console.error(`  ✗ ${where}: ${error.reason}`);
  }
  if (summary.errorsNotListed > 0) console.error(`  … and ${summary.errorsNotListed} more failures`);
}

const BAR_WIDTH = 30;
const PLAIN_EVERY_MS = 2_000;

/** A redrawn bar on a terminal; elsewhere (CI, pipes) a plain line every couple of seconds. */
function createProgressReporter(out: NodeJS.WriteStream) {
  const tty = out.isTTY === true;
  let last: ImportProgress | null = null;
  let lastPlainAt = 0;

  const update = (progress: ImportProgress) => {
    last = progress;
    if (tty) {
      out.write(`\r${bar(progress)}`);
    } else if (performance.now() - lastPlainAt >= PLAIN_EVERY_MS) {
      lastPlainAt = performance.now();
      out.write(`${progress.phase}: ${progress.done}/${progress.total}\n`);
    }
  };

  const finish = () => {
    if (tty && last) out.write(`\r${bar(last)}\n`);
  };

  return { update, finish };
}

function bar({ done, total, phase }: ImportProgress): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * BAR_WIDTH);
  const percent = `${Math.round(ratio * 100)}`.padStart(3);
  return `[${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}] ${percent}% ${done}/${total} ${phase.padEnd(8)}`;
}
