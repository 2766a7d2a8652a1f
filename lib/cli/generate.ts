// Generates sessions with the MAGneT engine: one new session per chosen client profile, run to the end a
// few at a time, with a progress bar and a summary. Ctrl-C stops the sessions in flight (they end
// `stopped` and can be resumed).
//   npm run generate -- --profiles <ids|all> [--variant magnet] [--attitude negative] [--limit 10]
//                       [--concurrency 4] [--rounds 20]
import { parseArgs } from "node:util";
import { ATTITUDES, type AttitudeName } from "../cbt/techniques";
import { loadDotEnv, runCli } from "../db/migrations/cli-support";
import { buildSessionConfig, type PipelineEvent, type Variant } from "../pipeline";
import { describeSessionModels, isOfflineSimulator } from "../sessions/config";
import { createSession, listProfilesBySelection } from "../sessions/create";
import { closeEventPublisher, runSessionLive } from "../sessions/live-run";
import { MAX_ROUNDS_LIMIT, SESSION_VARIANTS } from "../sessions/schema";
import { withStudioDatabase } from "../studio/database";
import { createProgressReporter, printSummary, type Tally } from "./generate-report";

const USAGE =
  "Usage: npm run generate -- --profiles <id,id,...|all> [--variant magnet] [--attitude positive|neutral|negative] [--limit N] [--concurrency C] [--rounds R]";
const MAX_CONCURRENCY = 32;

interface GenerateOptions {
  variant: Variant;
  profiles: string[] | "all";
  attitude?: AttitudeName;
  limit?: number;
  concurrency: number;
  rounds: number;
}

class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${USAGE}`);
  }
}

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

// ── Arguments ────────────────────────────────────────────────────────────────────────────────────────

/** The options, or null when --help asked for the usage. */
function parseGenerateArgs(args: string[]): GenerateOptions | null {
  const text = { type: "string" } as const;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        variant: text,
        profiles: text,
        attitude: text,
        limit: text,
        concurrency: text,
        rounds: text,
        help: { type: "boolean" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(argumentProblem(error));
  }
  if (values.help) return null;
  return {
    variant: oneOf("variant", values.variant, SESSION_VARIANTS) ?? "magnet",
    profiles: profileIds(values.profiles),
    attitude: oneOf("attitude", values.attitude, ATTITUDES),
    limit: wholeNumber("limit", values.limit, 1, Number.MAX_SAFE_INTEGER),
    concurrency: wholeNumber("concurrency", values.concurrency, 1, MAX_CONCURRENCY) ?? 2,
    rounds: wholeNumber("rounds", values.rounds, 1, MAX_ROUNDS_LIMIT) ?? 20,
  };
}

/** parseArgs's errors, reworded to name the flag. */
function argumentProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const flag = message.match(/'(-{1,2}[^' ]+)/)?.[1];
  const code = (error as { code?: string }).code;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown flag ${flag}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return `${flag} needs a value`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL")
    return `unexpected argument ${message.match(/'([^']*)'/)?.[1]}`;
  return message;
}

function oneOf<T extends string>(flag: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (allowed.includes(value as T)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
}

function wholeNumber(flag: string, value: unknown, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (String(value).trim() !== "" && Number.isInteger(number) && number >= min && number <= max)
    return number;
  const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
  throw new UsageError(`--${flag} must be a whole number ${range} (got "${value}")`);
}

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
      overrides: { maxRounds: options.rounds },
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
