import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { type RegenerableOutput, regenerateOutput, type Steerer } from "@/lib/pipeline";
import { getRoundInputsByIndex } from "@/lib/sessions/round-inputs";
import { PrismaSessionStore } from "@/lib/sessions/store";
import { getEventPublisher } from "./live-run";
import { withSessionRunLock } from "./run-lock";
import { getRunnableSessionById } from "./runner";

/**
 * Regenerates one output of the session's last round while holding its run lock (409 while a run
 * or another regeneration holds it): the new call is stored and streamed like any, the round takes
 * the new value, downstream outputs are marked stale, and the change is an Intervention.
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
}): Promise<{ roundIndex: number; output: RegenerableOutput; stale: RegenerableOutput[] }> {
  const session = await getRunnableSessionById({ id: sessionId });
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
    );
    await store.reviseRound(result.round);
    await store.saveIntervention({
      sessionId,
      roundIndex,
      kind: "output_regenerated",
      originalValue: result.original,
      newValue: result.value,
      by,
      detail: { output },
    });
    if (result.round.endedByClient !== last.endedByClient)
      await settleEnd(sessionId, result.round.endedByClient);
    return { roundIndex, output, stale: result.stale };
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
