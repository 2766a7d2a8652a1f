// `npm run studio`: the one-command run. Starts (or connects to) PostgreSQL, applies migrations,
// seeds the sample profiles, optionally imports data, builds the app if needed and serves it.
// Ctrl-C stops the app and the embedded database cleanly.

import path from "node:path";
import { parseArgs } from "node:util";
import { ensureFirstResearcher, studioAuthSecret } from "@/lib/auth/first-run";
import { disconnectDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { loadDotEnv } from "@/lib/db/migrations/cli-support";
import { startExperimentWorker } from "@/lib/experiments/worker";
import { parseProviderConcurrency, studioWorkerConcurrency } from "@/lib/experiments/worker-settings";
import { importPaths } from "@/lib/import-export/magnet";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { defaultModelRef } from "@/lib/providers";
import { settleDeadRuns } from "@/lib/runs/run-status";
import { type AppServer, buildApp, startApp } from "@/lib/studio/app-server";
import { isBuildStale } from "@/lib/studio/build-state";
import { openStudioDatabase, studioDataDir } from "@/lib/studio/database";

const root = process.cwd();

const { values: args } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    "data-dir": { type: "string" },
    "no-build": { type: "boolean", default: false },
    import: { type: "string", multiple: true, default: [] },
  },
});

type Stop = () => Promise<void>;
const stops: Stop[] = [];
let stopping = false;

async function main() {
  loadDotEnv();
  const databaseUrl = await database();
  process.env.DATABASE_URL = databaseUrl;

  const migrations = await step("Applying migrations", () => applyMigrations(databaseUrl));
  if (migrations.applied.length) console.log(`  applied ${migrations.applied.join(", ")}`);
  const seeded = await step("Seeding sample profiles", () => seedSampleProfiles());
  console.log(`  ${seeded.created} created, ${seeded.updated} already present`);
  if (args.import.length) await importData(args.import);
  const firstUser = await ensureFirstResearcher();
  const authSecret = await studioAuthSecret();
  // Runs of a studio that was killed (or whose database stopped first, as a group Ctrl-C does) still
  // say `running`; nothing holds them, so they are recorded stopped and can be resumed.
  const settled = await settleDeadRuns();
  if (settled)
    console.log(`  ${settled} session(s) left running by a previous run are now stopped (resumable)`);
  await disconnectDb();

  if (!args["no-build"] && isBuildStale(root))
    await step("Building the app (next build)", () => buildApp(root));

  const port = Number(args.port ?? process.env.PORT ?? 3000);
  const host = args.host ?? process.env.HOST ?? "127.0.0.1";
  const app: AppServer = await step("Starting the app", () =>
    startApp({
      root,
      port,
      host,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        BETTER_AUTH_SECRET: authSecret,
        NODE_ENV: "production",
      },
    }),
  );
  stops.unshift(app.stop);
  app.process.once("exit", (code, signal) => {
    // Ctrl-C in a terminal reaches the app too; only an exit of its own is a failure.
    // 130/143: the app stopped its runs on SIGINT/SIGTERM and exited as asked.
    if (signal || code === 130 || code === 143) void shutdown("the app was stopped", 0);
    else void shutdown(`the app exited with code ${code}`, code === 0 ? 0 : 1);
  });
  const workers = studioWorkerConcurrency();
  if (workers > 0) {
    const worker = await step("Starting the experiment worker", () =>
      startExperimentWorker({ concurrency: workers, providerConcurrency: providerCaps() }),
    );
    stops.unshift(worker.stop);
  }
  console.log(`\nMAGneT Studio is running at ${app.url}`);
  console.log(`  model: ${describeModel()}`);
  console.log(
    `  experiments: this process runs ${workers || "no"} session(s) at once (STUDIO_WORKER_CONCURRENCY); add workers with npm run worker`,
  );
  if (firstUser) printFirstUser(firstUser);
  console.log("  Press Ctrl-C to stop.\n");
}

function providerCaps(): Record<string, number> {
  return parseProviderConcurrency(
    process.env.WORKER_PROVIDER_CONCURRENCY ?? "",
    "WORKER_PROVIDER_CONCURRENCY",
  );
}

/** DATABASE_URL when given; otherwise the embedded PostgreSQL whose data survives restarts. */
async function database(): Promise<string> {
  const dataDir = args["data-dir"] ? path.resolve(args["data-dir"]) : studioDataDir(root);
  const db = await step("Opening the database", () => openStudioDatabase(dataDir, { ownProcessGroup: true }));
  stops.push(db.close);
  console.log(`  ${db.description}`);
  return db.url;
}

/** Shown once: only the password's hash is kept. */
function printFirstUser({ email, password }: { email: string; password: string }) {
  console.log("\n  First run: a researcher account was created. Sign in with");
  console.log(`    email:    ${email}`);
  console.log(`    password: ${password}`);
  console.log("  This password is shown only now. More accounts: the Users page, or");
  console.log("  npm run user:create -- --email E --role researcher|annotator|viewer");
}

function describeModel(): string {
  const { provider, modelId } = defaultModelRef("fuser");
  if (provider === "offline")
    return `${modelId} (no LLM configured: set OPENAI_API_KEY or LLM_BASE_URL in .env)`;
  return `${modelId} via ${provider}`;
}

async function importData(paths: string[]) {
  const summary = await step(`Importing ${paths.join(", ")}`, () =>
    importPaths(paths.map((p) => path.resolve(p))),
  );
  console.log(`  imported ${summary.imported}, skipped ${summary.skipped}, failed ${summary.failed}`);
  for (const error of summary.errors.slice(0, 20))
    console.log(`  ${error.file} ${error.record}: ${error.reason}`);
}

async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  process.stdout.write(`${label}…\n`);
  const result = await work();
  console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function shutdown(reason: string, code: number) {
  if (stopping) return;
  stopping = true;
  console.log(`\nStopping (${reason})…`);
  for (const stop of stops) {
    await stop().catch((error) =>
      console.error(`  while stopping: ${error instanceof Error ? error.message : error}`),
    );
  }
  await disconnectDb().catch(() => {});
  console.log("Stopped.");
  process.exit(code);
}

// `on`, not `once`: npm forwards the signal that the terminal already sent to the whole process
// group, and a second Ctrl-C must not kill the studio halfway through its clean stop.
process.on("SIGINT", () => void shutdown("Ctrl-C", 0));
process.on("SIGTERM", () => void shutdown("SIGTERM", 0));

main().catch(async (error) => {
  console.error(`\nThe studio could not start: ${error instanceof Error ? error.message : error}`);
  await shutdown("start-up failed", 1);
});
