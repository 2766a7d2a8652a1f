// Evaluates sessions as the paper does: LLM-as-judge on CTRS, WAI and PANAS (per session, stored), and
// Distinct-n / EAD for the set. Scores from the offline simulator are labelled simulated.
//   npm run evaluate -- --metric ctrs,wai,panas,diversity [filters] [--judge-model M] [--runs 3] [--json FILE]
import { writeFile } from "node:fs/promises";
import { loadDotEnv, runCli } from "../db/migrations/cli-support";
import { type EvaluateProgress, type EvaluationReport, evaluateSet } from "../eval/evaluate";
import { judgeModelRef } from "../eval/judge-model";
import { mean } from "../eval/report";
import { withStudioDatabase } from "../studio/database";
import { EVALUATE_USAGE, parseEvaluateArgs } from "./evaluate-args";

runCli(async () => {
  const args = parseEvaluateArgs(process.argv.slice(2));
  if (!args) return console.log(EVALUATE_USAGE);
  loadDotEnv();
  const stop = new AbortController();
  process.on("SIGINT", () => stop.abort());
  await withStudioDatabase(async () => {
    const judge = judgeModelRef(args.judgeModel);
    const judged = args.metrics.some((m) => m !== "diversity");
    if (judged) {
      const label = judge.provider === "offline" ? " — SIMULATED scores (no model configured)" : "";
      console.log(
        `Judge: ${judge.modelId} (${judge.provider}), ${args.runs} run(s) per item, temperature 0${label}`,
      );
    }
    const started = performance.now();
    const report = await evaluateSet({
      filter: args.filter,
      metrics: args.metrics,
      judge,
      runs: args.runs,
      concurrency: args.concurrency,
      signal: stop.signal,
      onProgress: progressBar(),
    });
    process.stdout.write("\n");
    printReport(report, (performance.now() - started) / 1000);
    if (args.json) {
      await writeFile(args.json, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`Wrote ${args.json}`);
    }
    if (report.failures.length) process.exitCode = 1;
  });
});

function progressBar() {
  let last = 0;
  return (p: EvaluateProgress) => {
    const now = performance.now();
    if (now - last < 200 && p.sessionsDone < p.sessions) return;
    last = now;
    const ratio = p.sessions ? p.sessionsDone / p.sessions : 1;
    const filled = Math.round(ratio * 30);
    const line = `[${"█".repeat(filled)}${"░".repeat(30 - filled)}] ${p.sessionsDone}/${p.sessions} sessions · ${p.itemsDone} judged items · ${p.itemsFailed} failed`;
    process.stdout.write(process.stdout.isTTY ? `\r${line}` : `${line}\n`);
  };
}

const fmt = (n: number | null | undefined, digits = 3) =>
  n === null || n === undefined ? "—" : n.toFixed(digits);

function printReport(report: EvaluationReport, seconds: number): void {
  const tag = report.simulated ? " (SIMULATED)" : "";
  const means = (pick: (s: EvaluationReport["sessions"][number]) => number | null | undefined) =>
    mean(report.sessions.map(pick).filter((v): v is number => typeof v === "number"));
  if (report.sessions.some((s) => s.ctrs))
    console.log(
      `CTRS mean (0–6)${tag}: ${fmt(
        means((s) => s.ctrs?.mean),
        2,
      )}`,
    );
  if (report.sessions.some((s) => s.wai))
    console.log(
      `WAI mean (1–7)${tag}: raw ${fmt(
        means((s) => s.wai?.mean),
        2,
      )} (the paper's) · items 4 and 10 reversed ${fmt(
        means((s) => s.wai?.meanReversed),
        2,
      )}`,
    );
  for (const [attitude, shift] of Object.entries(report.panasShift ?? {})) {
    console.log(
      `PANAS shift, ${attitude} clients${tag}: positive ${fmt(shift?.positive, 2)} · negative ${fmt(shift?.negative, 2)}`,
    );
  }
  if (report.diversity) {
    const { llama3, words } = report.diversity;
    console.log(
      `Diversity over ${llama3.sessions} sessions (Llama-3 tokens, as the paper): Distinct-1 ${fmt(llama3.distinct1, 4)} · Distinct-2 ${fmt(llama3.distinct2, 4)} · Distinct-3 ${fmt(llama3.distinct3, 4)} · EAD ${fmt(llama3.ead, 4)} (N ${llama3.totalTokens}, V ${llama3.vocabSize})`,
    );
    console.log(
      `Diversity, word level (ours, not comparable with the paper): Distinct-1 ${fmt(words.distinct1, 4)} · Distinct-2 ${fmt(words.distinct2, 4)} · Distinct-3 ${fmt(words.distinct3, 4)}`,
    );
  }
  console.log(
    `${report.sessions.length} session(s) judged · ${report.failures.length} failed item run(s) in ${seconds.toFixed(1)} s`,
  );
  for (const f of report.failures.slice(0, 20))
    console.error(`  ✗ ${f.session} ${f.metric}/${f.item} run ${f.run}: ${f.error}`);
  if (report.failures.length > 20) console.error(`  … and ${report.failures.length - 20} more`);
}
