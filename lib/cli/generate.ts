// Generates sessions with the MAGneT engine: one new session per chosen client profile, run to the end a
// few at a time, with a progress bar and a summary. Ctrl-C stops the sessions in flight (they end
// `stopped` and can be resumed).
//   npm run generate -- --profiles <ids|all> [--variant magnet] [--attitude negative] [--limit 10]
//                       [--concurrency 4] [--rounds 20] [--fuse-selected-only] [--short-answers]
//                       [--min-rounds-before-end K]

import { closeEventPublisher, runSessionLive } from "@/lib/runs/live-run";
import { describeSessionModels, isOfflineSimulator } from "@/lib/sessions/config";
import { createSession, listProfilesBySelection } from "@/lib/sessions/create";
import { loadDotEnv, runCli } from "../db/migrations/cli-support";
import { buildSessionConfig, departuresOf, type PipelineEvent } from "../pipeline";
import { withStudioDatabase } from "../studio/database";
import { type GenerateOptions, parseGenerateArgs, USAGE } from "./generate-args";
import { createProgressReporter, printSummary, type Tally } from "./generate-report";

runCli(async () => {
  const options = parseGenerateArgs(process.argv.slice(2).filter((arg) => arg !== "--"));
  if (!options) return console.log(USAGE);
  const stop = stopOnSignals();
  loadDotEnv();
  await withStudioDatabase(async () => {
    try {
      const tally = await generate(options, stop);
      if (tally.failed > 0) process.exitCode = 1;
      else if (stop.aborted) process.exitCode = 130;
    } finally {
      await closeEventPublisher();
    }
  });
});

/**
 * Ctrl-C (or SIGTERM) stops the batch: no new session starts, those in flight end `stopped`. `on`, not
 * `once`: npm forwards the signal the terminal already sent to the whole process group.
 */
function stopOnSignals(): AbortSignal {
  const stop = new AbortController();
  const onSignal = () => {
    if (!stop.signal.aborted)
      console.log("\nStopping: the sessions in flight end `stopped` and can be resumed…");
    stop.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return stop.signal;
}

// ── The batch ────────────────────────────────────────────────────────────────────────────────────────

async function generate(options: GenerateOptions, signal: AbortSignal): Promise<Tally> {
  const profiles = await listProfilesBySelection({
    ids: options.profiles,
    attitude: options.attitude,
    limit: options.limit,
  });
  if (profiles.length === 0) throw new Error("no client profile matches --profiles and --attitude");
  console.log(
    `Generating ${profiles.length} ${options.variant} session(s) of up to ${options.rounds} rounds`,
  );
  console.log(`Models: ${modelsLine()} · concurrency ${options.concurrency}`);
  console.log(`Method: ${methodLine(options)}`);
  const tally = newTally(profiles.length);
  const progress = createProgressReporter(process.stdout, tally);
  const started = performance.now();
  const runOne = async (profile: (typeof profiles)[number]) => {
    tally.running++;
    try {
      await generateOne(profile, options, signal, tally, progress.update);
    } finally {
      tally.running--;
      tally.finished++;
      progress.update();
    }
  };
  await runPool(profiles, options.concurrency, signal, runOne);
  progress.finish();
  printSummary(tally, performance.now() - started, signal.aborted);
  return tally;
}

function newTally(total: number): Tally {
  const counts = { running: 0, finished: 0, failed: 0, rounds: 0, tokensIn: 0, tokensOut: 0 };
  return { total, ...counts, byStatus: {}, problems: [], stopped: [] };
}

async function generateOne(
  profile: { id: string; name: string },
  options: GenerateOptions,
  signal: AbortSignal,
  tally: Tally,
  redraw: () => void,
): Promise<void> {
  let sessionId = "";
  try {
    const session = await createSession({
      profileId: profile.id,
      variant: options.variant,
      overrides: {
        maxRounds: options.rounds,
        switches: options.switches,
        minRoundsBeforeEnd: options.minRoundsBeforeEnd,
      },
    });
    sessionId = session.id;
    // Through the event bus, so the studio can watch (and stop) these sessions live.
    const outcome = await runSessionLive({
      sessionId,
      mode: "to-end",
      signal,
      onEvent: (event) => countEvent(tally, event, redraw),
    });
    tally.byStatus[outcome.status] = (tally.byStatus[outcome.status] ?? 0) + 1;
    if (outcome.status === "failed") failed(tally, profile, sessionId, outcome.error ?? outcome.reason);
    if (outcome.status === "stopped") tally.stopped.push(sessionId);
  } catch (error) {
    failed(tally, profile, sessionId, error instanceof Error ? error.message : String(error));
  }
}

function failed(tally: Tally, profile: { name: string }, sessionId: string, why: string): void {
  tally.failed++;
  tally.problems.push(`${profile.name}${sessionId ? ` (session ${sessionId})` : ""}: ${why}`);
}

function countEvent(tally: Tally, event: PipelineEvent, redraw: () => void): void {
  if (event.type === "call-finished") {
    tally.tokensIn += event.usage.inputTokens ?? 0;
    tally.tokensOut += event.usage.outputTokens ?? 0;
  } else if (event.type === "round-completed") {
    tally.rounds++;
    redraw();
  }
}

/** Runs `work` on the items, at most `concurrency` at once; after an abort no new item starts. */
async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  signal: AbortSignal,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (!signal.aborted && next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

function modelsLine(): string {
  const config = buildSessionConfig({});
  const models = describeSessionModels(config);
  return isOfflineSimulator(models) ? `${models} (the offline simulator, not a language model)` : models;
}

function methodLine(options: GenerateOptions): string {
  const departures = departuresOf(options);
  return departures.length
    ? `departs from the paper: ${departures.join("; ")}`
    : "as published (no departures)";
}
