// npm run drill [-- --only 1|2|3|4]
// The hardening drills of issue 10 against the built app (run `npm run build` first), on loopback
// only: a fake OpenAI-compatible server in this process, the studio in a child process with its own
// embedded PostgreSQL in a temp dir. Prints one line per drill; exits 1 if an invariant broke.
// Bounded: every drill has a deadline and the whole run stops by itself (about 2–3 minutes).
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type StudioProcess, spawnStudio } from "@/lib/bench/studio-harness";
import { startFakeOpenAIServer } from "@/lib/testing/fake-openai-server";
import {
  crashDrill,
  type DrillContext,
  type DrillResult,
  floodDrill,
  providerFaultsDrill,
  watchersDrill,
} from "./drills";

const DRILL_DEADLINE_MS = 6 * 60_000;
const log = (line: string) => console.error(line);

const DRILLS: [string, (context: DrillContext) => Promise<DrillResult & { studio?: StudioProcess }>][] = [
  ["provider faults", (context) => providerFaultsDrill(context)],
  ["crash and resume", (context) => crashDrill(context)],
  ["200 watchers", (context) => watchersDrill(context)],
  [
    "dropped streams and junk imports",
    (context) =>
      floodDrill(
        context,
        Number(process.env.DRILL_STREAMS ?? 1_000),
        Number(process.env.DRILL_IMPORTS ?? 50),
      ),
  ],
];

async function main(): Promise<boolean> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: { only: { type: "string" } },
  });
  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID")))
    throw new Error("Run `npm run build` first");
  const fake = await startFakeOpenAIServer({ seed: 1 });
  const dir = await mkdtemp(path.join(tmpdir(), "magnet-drill-"));
  const dataDir = path.join(dir, "postgres");
  const start = () => spawnStudio({ dataDir, fake, log, env: { STUDIO_MAX_RUNS: "16" } });
  let studio: StudioProcess | undefined;
  const stopAll = async () => {
    await studio?.stop();
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void stopAll().finally(() => process.exit(130)));
  let allOk = true;
  try {
    studio = await start();
    for (const [index, [name, drill]] of DRILLS.entries()) {
      if (values.only && values.only !== String(index + 1)) continue;
      const context: DrillContext = {
        studio,
        fake,
        log,
        restart: async () => {
          studio = await start();
          return studio;
        },
      };
      const started = performance.now();
      const result = await withDeadline(drill(context), DRILL_DEADLINE_MS, name);
      studio = result.studio ?? studio;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`drill ${index + 1} ${name}: ${result.line} (${seconds} s) ${result.ok ? "OK" : "FAILED"}`);
      allOk &&= result.ok;
    }
  } finally {
    await stopAll();
  }
  return allOk;
}

function withDeadline<T>(work: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`drill "${name}" did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error instanceof Error ? `Error: ${error.message}` : error);
    process.exit(1);
  },
);
