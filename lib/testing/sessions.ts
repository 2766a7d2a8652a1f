// Set-up shared by the tests that run sessions: every agent on the offline simulator without pacing,
// the sample profiles seeded, sessions run to their end, and what is stored for a session as text.

import { getDb } from "@/lib/db/client";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { runStoredSession } from "@/lib/runs/runner";
import { createSession } from "@/lib/sessions/create";

/**
 * Every agent on the offline simulator whatever the machine's environment says (no provider, no
 * forced end), paced as given: by default at once.
 */
export function simulateOffline({ latencyMs = 0, tokensPerSecond = 0 } = {}): void {
  for (const name of ["OPENAI_API_KEY", "LLM_BASE_URL", "SIMULATOR_END_ROUND"]) delete process.env[name];
  process.env.SIMULATOR_LATENCY_MS = String(latencyMs);
  process.env.SIMULATOR_TOKENS_PER_SECOND = String(tokensPerSecond);
}

/** Seeds the sample profiles (once per database) and returns the first by name. */
export async function sampleProfileId(): Promise<string> {
  await seedSampleProfiles();
  return (await getDb().clientProfile.findFirstOrThrow({ orderBy: { name: "asc" } })).id;
}

/** A new MAGneT session of the profile, run to its end (or the client's). */
export async function finishedSession(profileId: string, maxRounds: number): Promise<string> {
  const { id } = await createSession({ profileId, variant: "magnet", overrides: { maxRounds } });
  await runStoredSession({ sessionId: id, mode: "to-end" });
  return id;
}

/** A session's rows (Session, Round, AgentCall) in a fixed order, as JSON text: equal text = unchanged rows. */
export async function storedText(id: string): Promise<string> {
  const session = await getDb().session.findUniqueOrThrow({
    where: { id },
    include: {
      rounds: { orderBy: { index: "asc" } },
      agentCalls: { orderBy: [{ startedAt: "asc" }, { id: "asc" }] },
    },
  });
  return JSON.stringify(session);
}
