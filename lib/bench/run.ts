// npm run bench [-- --latency 300 --tokens-per-second 40 --rounds 5 --tokens 16 --live-rounds 3 --live-tokens 100
//   --only engine|live|pages|queue --json <file> --detail]
// Runs the bench parts, prints their reports with PASS/MISS per target, and exits non-zero only on
// errors (a missed target is a finding, not a failure).
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { engineBench } from "./engine-bench";
import { liveBench } from "./live-bench";
import { pageBench } from "./page-bench";
import { queueBench } from "./queue-bench";
import { formatTarget } from "./report";
import { closeSharedStudio } from "./studio-harness";
import type { BenchOptions, BenchPart } from "./types";

const PARTS: BenchPart[] = [engineBench, liveBench, pageBench, queueBench];

async function main() {
  const { options, jsonPath, only } = parseOptions(process.argv.slice(2));
  console.log("MAGneT Studio benchmark");
  console.log(
    `Fake OpenAI-compatible server on 127.0.0.1: first token after ${options.latencyMs} ms, then ` +
      `${options.tokensPerSecond} tokens/s; ${options.answerTokens} tokens per answer.`,
  );
  const json: Record<string, number> = {};
  try {
    for (const part of PARTS.filter((p) => !only || p.name === only)) {
      const result = await part.run(options);
      console.log(["", ...result.report, "", ...result.targets.map(formatTarget)].join("\n"));
      Object.assign(json, result.json);
    }
  } finally {
    await closeSharedStudio();
  }
  if (jsonPath) {
    const figures = { ...json, latency_ms: options.latencyMs, rounds: options.rounds };
    await writeFile(jsonPath, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`\nWrote ${jsonPath}`);
  }
}

// The studio child process and its database are stopped on Ctrl-C too.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping…`);
    void closeSharedStudio().finally(() => process.exit(130));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `Error: ${error.message}` : error);
  if (process.env.DEBUG) console.error(error);
  process.exitCode = 1;
});

function parseOptions(args: string[]): { options: BenchOptions; jsonPath?: string; only?: string } {
  const { values } = parseArgs({
    args: args.filter((arg) => arg !== "--"),
    options: {
      latency: { type: "string", default: "300" },
      "tokens-per-second": { type: "string", default: "40" },
      rounds: { type: "string", default: "5" },
      tokens: { type: "string", default: "16" },
      "live-rounds": { type: "string", default: "3" },
      "live-tokens": { type: "string", default: "100" },
      only: { type: "string" },
      json: { type: "string" },
      detail: { type: "boolean", default: false },
    },
  });
  const names = PARTS.map((part) => part.name);
  if (values.only !== undefined && !names.includes(values.only)) {
    throw new Error(`--only must be one of ${names.join(", ")}, got "${values.only}"`);
  }
  return {
    options: {
      latencyMs: numberOption("--latency", values.latency, 0),
      tokensPerSecond: numberOption("--tokens-per-second", values["tokens-per-second"], 0),
      rounds: Math.round(numberOption("--rounds", values.rounds, 1)),
      liveRounds: Math.round(numberOption("--live-rounds", values["live-rounds"], 1)),
      liveAnswerTokens: Math.round(numberOption("--live-tokens", values["live-tokens"], 1)),
      answerTokens: Math.round(numberOption("--tokens", values.tokens, 1)),
      detail: values.detail,
      log: (line) => console.error(line),
    },
    jsonPath: values.json,
    only: values.only,
  };
}

function numberOption(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min)
    throw new Error(`${flag} must be a number ≥ ${min}, got "${text}"`);
  return value;
}
