import "server-only";
import { getDb } from "@/lib/db/client";
import type { Variant } from "@/lib/pipeline/types";
import { describeSessionModels } from "@/lib/sessions/config";
import { ROUND_DIALOGUE_SELECT } from "@/lib/sessions/round-select";
import { sessionIdForToken } from "./links";
import type { ReplayData } from "./timeline";

/**
 * What a replay link shows, read with an explicit select so that nothing else can reach an
 * anonymous page: no prompts, settings, errors, annotations, notes, or ids of the studio's records
 * (calls are renumbered; the session is not named by its id). Null when the link does not open.
 */
export async function loadReplay(token: string, now = new Date()): Promise<ReplayData | null> {
  const sessionId = await sessionIdForToken(token, now);
  if (!sessionId) return null;
  const session = await getDb().session.findUnique({
    where: { id: sessionId },
    select: {
      status: true,
      variant: true,
      source: true,
      config: true,
      maxRounds: true,
      technique: true,
      techniqueRaw: true,
      plan: true,
      openingCounselor: true,
      openingClient: true,
      profile: { select: { name: true, attitude: true, presentingProblem: true } },
      rounds: {
        orderBy: { index: "asc" },
        select: ROUND_DIALOGUE_SELECT,
      },
      agentCalls: {
        where: { status: "succeeded" },
        orderBy: [{ startedAt: "asc" }, { id: "asc" }],
        select: {
          role: true,
          technique: true,
          roundIndex: true,
          provider: true,
          modelId: true,
          attempt: true,
          cleanedOutput: true,
          rawOutput: true,
          latencyMs: true,
          tokensIn: true,
          tokensOut: true,
          startedAt: true,
          finishedAt: true,
        },
      },
    },
  });
  if (!session) return null;
  const origin = session.agentCalls[0]?.startedAt.getTime() ?? 0;
  return {
    status: session.status,
    variant: session.variant as Variant,
    source: session.source,
    maxRounds: session.maxRounds,
    models: describeSessionModels(session.config),
    plan:
      session.technique || session.plan
        ? { technique: session.technique, techniqueRaw: session.techniqueRaw ?? "", plan: session.plan ?? "" }
        : null,
    opening: { counselor: session.openingCounselor, client: session.openingClient },
    profile: session.profile,
    rounds: session.rounds,
    calls: session.agentCalls.map((call, at) => {
      const startMs = call.startedAt.getTime() - origin;
      const endMs = (call.finishedAt?.getTime() ?? call.startedAt.getTime() + (call.latencyMs ?? 0)) - origin;
      return {
        id: `c${at + 1}`,
        role: call.role,
        technique: call.technique,
        roundIndex: call.roundIndex,
        provider: call.provider,
        modelId: call.modelId,
        attempt: call.attempt,
        text: call.cleanedOutput ?? call.rawOutput ?? "",
        latencyMs: call.latencyMs,
        tokensIn: call.tokensIn,
        tokensOut: call.tokensOut,
        startMs,
        endMs: Math.max(endMs, startMs),
      };
    }),
  };
}
