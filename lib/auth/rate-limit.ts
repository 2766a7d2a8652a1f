import "server-only";
import { AppError } from "@/lib/errors";

// Generation costs money (every round is a dozen LLM calls), so each user may start only so many
// sessions and runs a minute. Kept in this process's memory: the studio is one web process, and a
// restart forgiving the count is harmless.

const WINDOW_MS = 60_000;
const DEFAULT_PER_MINUTE = 60;

const hits = new Map<string, number[]>();

/** GENERATION_RATE_LIMIT: requests a minute per user to the generation routes (default 60). */
export function generationLimit(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.GENERATION_RATE_LIMIT);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_PER_MINUTE;
}

/** Counts one generation request of `userId`, or throws 429 saying when to try again. */
export function checkGenerationRate(userId: string, now = Date.now(), limit = generationLimit()): void {
  const recent = (hits.get(userId) ?? []).filter((at) => now - at < WINDOW_MS);
  if (recent.length >= limit) {
    hits.set(userId, recent);
    const wait = Math.ceil((WINDOW_MS - (now - recent[0])) / 1000);
    throw new AppError(
      "too_many_requests",
      `Too many generation requests: at most ${limit} a minute per user. Try again in ${wait} s.`,
      [{ field: "(rate)", message: `limit ${limit} per minute` }],
    );
  }
  recent.push(now);
  hits.set(userId, recent);
}
