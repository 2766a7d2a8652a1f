import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { databaseUrl } from "@/lib/db/client";

// The per-provider cap, strict across processes: a run holds one of the provider's `cap` slots, a
// PostgreSQL advisory lock (provider, slot) on a connection of its own, for as long as it runs. The
// queue's group concurrency already skips jobs of a full provider, but two workers fetching at the
// same moment can both see a free place; the slot settles it. A dead worker's slots go with its
// connection.

const RETRY_MS = 250;

function providerKey(provider: string): number {
  return createHash("sha256").update(`magnet-studio:provider-slot:${provider}`).digest().readInt32BE(0);
}

/** Runs `work` once a slot of the provider is free (waiting while the cap is reached). */
export async function withProviderSlot<T>(
  provider: string,
  cap: number,
  signal: AbortSignal,
  work: () => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: databaseUrl(),
    application_name: `magnet-slot ${provider}`,
  });
  client.on("error", () => {}); // the run notices a lost database on its own connections
  await client.connect();
  try {
    for (;;) {
      for (let slot = 0; slot < cap; slot++) {
        const { rows } = await client.query<{ held: boolean }>(
          "SELECT pg_try_advisory_lock($1, $2) AS held",
          [providerKey(provider), slot],
        );
        if (rows[0]?.held) return await work();
      }
      signal.throwIfAborted();
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  } finally {
    await client.end().catch(() => {});
  }
}
