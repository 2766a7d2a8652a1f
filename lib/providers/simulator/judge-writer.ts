import type { PromptReading } from "./prompt-reading";
import type { Random } from "./random";

/**
 * A judge's answer in the form the judge prompts ask for. The score is drawn from the prompt's own hash, so
 * the same prompt always gets the same score; it says nothing about the session and is labelled simulated
 * wherever it is shown.
 */
export function writeJudgement(reading: PromptReading, rng: Random): string {
  const range = reading.user.match(/from (\d+) to (\d+)/);
  const item = reading.user.match(/<item key="([^"]+)">/)?.[1] ?? "the item";
  if (!range) return JSON.stringify({ reason: "The prompt names no scale.", score: null });
  const score = rng.int(Number(range[1]), Number(range[2]));
  const reason = `Simulated judgement of ${item} by the offline simulator: it does not read the session, so this score carries no information.`;
  return JSON.stringify({ reason, score });
}
