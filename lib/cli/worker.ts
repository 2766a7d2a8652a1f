// A worker for experiments: takes session runs off the job queue in the studio's database and runs
// them. Start as many as you like, on this machine or any that reaches DATABASE_URL.
//   npm run worker -- [--concurrency 4] [--provider-concurrency openai=8,openai-compatible=2]
// Environment: WORKER_CONCURRENCY, WORKER_PROVIDER_CONCURRENCY (the same), DATABASE_URL.
// Ctrl-C / SIGTERM: runs in flight end `stopped` and go back to the queue for another worker.
import { parseArgs } from "node:util";
import { startExperimentWorker } from "@/lib/experiments/worker";
import { parseProviderConcurrency } from "@/lib/experiments/worker-settings";
import { closeEventPublisher } from "@/lib/runs/live-run";
import { loadDotEnv, runCli } from "../db/migrations/cli-support";
import { withStudioDatabase } from "../studio/database";

runCli(async () => {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== "--"),
    options: { concurrency: { type: "string" }, "provider-concurrency": { type: "string" } },
    strict: true,
  });
  loadDotEnv();
  const concurrencyText = values.concurrency ?? process.env.WORKER_CONCURRENCY ?? "4";
  const concurrency = Number(concurrencyText);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new Error(`--concurrency must be a whole number from 1 to 64 (got "${concurrencyText}")`);
  const providerConcurrency = parseProviderConcurrency(
    values["provider-concurrency"] ?? process.env.WORKER_PROVIDER_CONCURRENCY ?? "",
    "--provider-concurrency",
  );
  await withStudioDatabase(async () => {
    const worker = await startExperimentWorker({
      concurrency,
      providerConcurrency,
      onStart: ({ sessionId, attempt }) =>
        console.log(`${new Date().toISOString()} session ${sessionId}: started (attempt ${attempt})`),
      onRun: ({ sessionId, status }) =>
        console.log(`${new Date().toISOString()} session ${sessionId}: ${status}`),
    });
    console.log(`Worker ${process.pid} ready: ${concurrency} session(s) at once. Ctrl-C stops it.`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    console.log("Stopping: sessions in flight go back to the queue…");
    await worker.stop();
    await closeEventPublisher();
  });
});
