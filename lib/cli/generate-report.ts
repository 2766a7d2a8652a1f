// The batch's running tally, its progress line and its summary, for `npm run generate`.
import type { SessionStatus } from "../pipeline";

export interface Tally {
  total: number;
  running: number;
  /** Sessions over, whatever their end: completed, ended by the client, stopped, failed. */
  finished: number;
  byStatus: Partial<Record<SessionStatus, number>>;
  failed: number;
  rounds: number;
  tokensIn: number;
  tokensOut: number;
  problems: string[];
  stopped: string[];
}

const BAR_WIDTH = 24;
const REDRAW_EVERY_MS = 100;
const PLAIN_EVERY_MS = 2_000;

/** A redrawn bar on a terminal; elsewhere (CI, pipes) a plain line every couple of seconds. */
export function createProgressReporter(out: NodeJS.WriteStream, tally: Tally) {
  const tty = out.isTTY === true;
  let lastAt = 0;
  const update = () => {
    const now = performance.now();
    if (now - lastAt < (tty ? REDRAW_EVERY_MS : PLAIN_EVERY_MS)) return;
    lastAt = now;
    out.write(tty ? `\r${bar(tally)}\x1b[K` : `${progressLine(tally)}\n`);
  };
  const finish = () => {
    if (tty) out.write(`\r${bar(tally)}\x1b[K\n`);
  };
  return { update, finish };
}

function bar(tally: Tally): string {
  const done = tally.finished;
  const ratio = tally.total > 0 ? Math.min(1, done / tally.total) : 1;
  const filled = Math.round(ratio * BAR_WIDTH);
  return `[${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}] ${progressLine(tally)}`;
}

function progressLine(tally: Tally): string {
  const tokens = (tally.tokensIn + tally.tokensOut).toLocaleString("en");
  return `sessions ${tally.finished}/${tally.total} (${tally.running} running, ${tally.failed} failed) · rounds ${tally.rounds} · tokens ${tokens}`;
}

export function printSummary(tally: Tally, elapsedMs: number, interrupted: boolean): void {
  const seconds = elapsedMs / 1000;
  const s = tally.byStatus;
  console.log(
    `${interrupted ? "Interrupted: " : ""}${tally.finished} of ${tally.total} session(s) in ${seconds.toFixed(1)} s: ` +
      `${s.completed ?? 0} completed · ${s.ended_by_client ?? 0} ended by the client · ${s.stopped ?? 0} stopped · ${tally.failed} failed`,
  );
  console.log(
    `${tally.rounds} rounds (${(tally.rounds / Math.max(seconds, 0.001)).toFixed(1)}/s) · tokens ${tally.tokensIn.toLocaleString("en")} in, ${tally.tokensOut.toLocaleString("en")} out`,
  );
  for (const problem of tally.problems) console.error(`  ✗ ${problem}`);
  if (tally.stopped.length) console.log(`Stopped, can be resumed: ${tally.stopped.join(", ")}`);
}
