// The per-provider cap written as "openai=8,openai-compatible=2" (flag or environment).
import { MODEL_PROVIDERS } from "@/lib/sessions/schema";

export function parseProviderConcurrency(text: string, flag: string): Record<string, number> {
  const caps: Record<string, number> = {};
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [provider, value] = part.split("=", 2);
    const cap = Number(value);
    if (!(MODEL_PROVIDERS as readonly string[]).includes(provider) || !Number.isInteger(cap) || cap < 1)
      throw new Error(
        `${flag}: each entry is PROVIDER=N with PROVIDER one of ${MODEL_PROVIDERS.join(", ")} and N ≥ 1 (got "${part}")`,
      );
    caps[provider] = cap;
  }
  return caps;
}

/** STUDIO_WORKER_CONCURRENCY: sessions the studio's own process runs for experiments (default 2; 0: none). */
export function studioWorkerConcurrency(env: Record<string, string | undefined> = process.env): number {
  const text = env.STUDIO_WORKER_CONCURRENCY;
  if (text === undefined || text.trim() === "") return 2;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 64)
    throw new Error(`STUDIO_WORKER_CONCURRENCY must be a whole number from 0 to 64 (got "${text}")`);
  return value;
}
