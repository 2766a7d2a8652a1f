import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { type RegenerableOutput, regenerateOutput, type Steerer } from "@/lib/pipeline";
import { getRoundInputsByIndex } from "@/lib/sessions/round-inputs";
import { PrismaSessionStore } from "@/lib/sessions/store";
import { getEventPublisher, requestSessionSteering } from "./live-run";
import { isSessionRunLocked, withSessionRunLock } from "./run-lock";
import { getRunnableSessionById } from "./runner";

/** What a regeneration did: made it in the stored round (stale: what is stale now), or asked the run to. */
export type RegenerationResult =
  | { roundIndex: number; output: RegenerableOutput; in: "stored-round"; stale: RegenerableOutput[] }
  | { roundIndex: number; output: RegenerableOutput; in: "run" };

/**
 * Regenerates one output of a round. While a run holds the session, the run does it, in the round
 * that waits for a person (409 with the run's reason otherwise); the new call streams and the round
 * waits again. Otherwise the last stored round is revised under the run lock: the new call is stored
 * and streamed like any, the round takes the new value, downstream outputs are marked stale. Either
 * way the change is an Intervention.
 */
export async function regenerateRoundOutput({
  sessionId,
  roundIndex,
  output,
  by,
}: {
  sessionId: string;
  roundIndex: number;
  output: RegenerableOutput;
  by: Steerer;
}): Promise<RegenerationResult> {
  const session = await getRunnableSessionById({ id: sessionId });
  if (await isRunning(sessionId)) {
    await requestSessionSteering(sessionId, { type: "regenerate", roundIndex, output }, by);
    return { roundIndex, output, in: "run" };
  }
  const publisher = await getEventPublisher();
  return withSessionRunLock(sessionId, async (lock) => {
    const store = new PrismaSessionStore(undefined, lock);
    const progress = await store.loadProgress(sessionId);
    const last = progress.rounds.at(-1);
    if (!last || last.index !== roundIndex) {
      const why = last ? `only the last round (${last.index}) can be` : "the session has no round to be";
      throw new AppError("unprocessable", `Round ${roundIndex} cannot be regenerated: ${why} regenerated`, [
        { field: "round", message: why },
      ]);
    }
    const { steering, ...inputs } = await getRoundInputsByIndex({ sessionId, index: roundIndex });
    progress.rounds[progress.rounds.length - 1] = { ...last, steering };
    const result = await regenerateOutput(
      { ...session, sessionId, store, signal: lock.lost, onEvent: publisher.publish },
      progress,
      inputs,
      output,
      by,
    );
    await store.reviseRound(result.round);
    if (result.round.endedByClient !== last.endedByClient)
      await settleEnd(sessionId, result.round.endedByClient);
    return { roundIndex, output, in: "stored-round", stale: result.stale };
  });
}

/** The client's regenerated reply ends the session, or no longer does (it is then paused, resumable). */
async function settleEnd(sessionId: string, ended: boolean): Promise<void> {
  await getDb().session.updateMany({
    where: { id: sessionId, status: ended ? { not: "ended_by_client" } : "ended_by_client" },
    data: ended
      ? { status: "ended_by_client", finishedAt: new Date() }
      : { status: "paused", finishedAt: null },
  });
}

/** A run holds the session (not another regeneration of its stored round, which holds the lock too). */
async function isRunning(sessionId: string): Promise<boolean> {
  const session = await getDb().session.findUnique({ where: { id: sessionId }, select: { status: true } });
  return session?.status === "running" && (await isSessionRunLocked(sessionId));
}
