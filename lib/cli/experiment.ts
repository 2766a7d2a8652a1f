// Creates an experiment and queues its sessions for the workers (`npm run worker`); with --wait,
// follows it with a progress bar until every session is done.
//   npm run experiment -- --name N --variants magnet,no_selector --attitudes negative --profiles all
//                         --limit 3 --rounds 2 [--repeats K] [--evaluate ctrs,wai,panas,diversity] [--wait]
import { createExperiment } from "@/lib/experiments/create";
import { getExperimentById } from "@/lib/experiments/progress";
import { closeQueue } from "@/lib/experiments/queue";
import type { ExperimentProgress } from "@/lib/experiments/schema";
import { type ExperimentWorker, startExperimentWorker } from "@/lib/experiments/worker";
import { closeEventPublisher } from "@/lib/runs/live-run";
import { loadDotEnv, runCli } from "../db/migrations/cli-support";
import { withStudioDatabase } from "../studio/database";
import { EXPERIMENT_USAGE, parseExperimentArgs } from "./experiment-args";
import { progressLine } from "./experiment-progress";

runCli(async () => {
  const options = parseExperimentArgs(process.argv.slice(2));
  if (!options) return console.log(EXPERIMENT_USAGE);
  loadDotEnv();
  await withStudioDatabase(async () => {
    try {
      const { id, sessions } = await createExperiment(options.design, null);
      console.log(`Experiment ${id} "${options.design.name}": ${sessions} session(s) queued`);
      if (!options.wait) {
        console.log(`Workers run them: npm run worker. Follow it on /experiments/${id}`);
        return;
      }
      const worker = options.work ? await startExperimentWorker({ concurrency: options.work }) : undefined;
      if (!worker) console.log("Waiting for workers (npm run worker)…");
      const progress = await follow(id, worker);
      if (progress.counts.failed > 0) process.exitCode = 1;
    } finally {
      await closeQueue();
      await closeEventPublisher();
    }
  });
});

async function follow(id: string, worker: ExperimentWorker | undefined): Promise<ExperimentProgress> {
  const interrupted = new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
  let stop = false;
  void interrupted.then(() => {
    stop = true;
  });
  const tty = process.stdout.isTTY === true;
  for (;;) {
    const progress = await getExperimentById({ id });
    const line = progressLine(progress);
    process.stdout.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
    if (progress.finished || stop || progress.status === "cancelled") {
      if (tty) process.stdout.write("\n");
      await worker?.stop();
      if (stop) console.log("Stopped following; the workers go on (the sessions stay queued).");
      return progress;
    }
    await Promise.race([new Promise((resolve) => setTimeout(resolve, tty ? 500 : 2_000)), interrupted]);
  }
}
