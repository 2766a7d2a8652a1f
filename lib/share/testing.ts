import "server-only";
import { getDb } from "@/lib/db/client";
import { seedSampleProfiles } from "@/lib/profiles/queries";

export const PROMPT_CANARY = "PROMPT-CANARY-never-in-a-replay";
export const NOTE_CANARY = "NOTE-CANARY-never-in-a-replay";

const TECHNIQUES = ["reflection", "questioning", "providing_solutions", "normalization", "psycho_education"];

/**
 * A stored magnet session of `rounds` rounds with every agent call, timed as a run times them, whose
 * prompts and annotation carry canaries a replay must never contain.
 */
export async function storedSession(rounds = 2, clientReply = (i: number) => `Client ${i}`) {
  await seedSampleProfiles();
  const db = getDb();
  const profile = await db.clientProfile.findFirstOrThrow({ orderBy: { name: "asc" } });
  const session = await db.session.create({
    data: {
      profileId: profile.id,
      variant: "magnet",
      status: "completed",
      source: "generated",
      config: {},
      maxRounds: rounds,
      roundCount: rounds,
      technique: "Decatastrophizing",
      techniqueRaw: "Decatastrophizing",
      plan: "1. Notice the worst-case thought.",
      openingCounselor: "Hi",
      openingClient: "Hello",
    },
  });
  const t0 = Date.UTC(2026, 10, 29, 12);
  const call = (role: string, roundIndex: number | null, start: number, ms: number, text: string) => ({
    sessionId: session.id,
    roundIndex,
    role,
    technique: role.startsWith("specialist:") ? role.slice(11) : null,
    provider: "offline",
    modelId: "offline-simulator",
    settings: {},
    promptMessages: [{ role: "system", content: PROMPT_CANARY }],
    rawOutput: text,
    cleanedOutput: text,
    tokensIn: 10,
    tokensOut: 5,
    latencyMs: ms,
    status: "succeeded" as const,
    startedAt: new Date(t0 + start),
    finishedAt: new Date(t0 + start + ms),
  });
  const calls = [call("planner", null, 0, 1_000, "Decatastrophizing\n1. Notice the worst-case thought.")];
  for (let i = 1; i <= rounds; i++) {
    // A minute of idle time before each round: someone pressed "Run next round" late.
    const start = i * 60_000;
    for (const t of TECHNIQUES)
      calls.push(call(`specialist:${t}`, i, start, 2_000, `${t} candidate ${i} text`));
    calls.push(call("selector", i, start, 800, "reflection, questioning"));
    calls.push(call("fuser", i, start + 2_000, 1_500, `Counselor ${i}`));
    calls.push(call("client", i, start + 3_500, 1_000, clientReply(i)));
  }
  await db.agentCall.createMany({ data: calls });
  await db.round.createMany({
    data: Array.from({ length: rounds }, (_, k) => ({
      sessionId: session.id,
      index: k + 1,
      counselorReply: `Counselor ${k + 1}`,
      clientReply: clientReply(k + 1),
      selectedTechniques: ["reflection", "questioning"],
      selectionRationale: "fits",
    })),
  });
  const author = await db.user.upsert({
    where: { email: "share-canary@example.org" },
    update: {},
    create: { email: "share-canary@example.org", name: "Canary" },
  });
  await db.annotation.create({
    data: {
      sessionId: session.id,
      target: "round",
      roundIndex: 1,
      authorId: author.id,
      data: { comment: NOTE_CANARY },
    },
  });
  return session.id;
}
