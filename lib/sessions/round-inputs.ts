import "server-only";
import { SPECIALIST_TECHNIQUES, type SpecialistTechnique } from "@/lib/cbt/techniques";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import {
  overriddenSelectorAnswer,
  REGENERABLE_OUTPUTS,
  type RegenerableOutput,
  type RoundInputs,
  type RoundSteering,
} from "@/lib/pipeline";
import { ROUND_STEERING_SELECT } from "./round-select";

/** What a stored round was made from (its calls' outputs and attempts), its stale outputs and marks. */
export async function getRoundInputsByIndex({
  sessionId,
  index,
}: {
  sessionId: string;
  index: number;
}): Promise<RoundInputs & { steering: RoundSteering }> {
  const round = await getDb().round.findUnique({
    where: { sessionId_index: { sessionId, index } },
    select: { ...ROUND_STEERING_SELECT, selectedTechniques: true, staleOutputs: true },
  });
  if (!round) throw notFound("Round", `${index} of session ${sessionId}`);
  const calls = await getDb().agentCall.findMany({
    where: { sessionId, roundIndex: index },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    select: { role: true, technique: true, attempt: true, status: true, cleanedOutput: true },
  });
  const attempts: Record<string, number> = {};
  const latest = new Map<string, string>();
  for (const call of calls) {
    attempts[call.role] = Math.max(attempts[call.role] ?? 0, call.attempt);
    if (call.status === "succeeded") latest.set(call.role, call.cleanedOutput ?? "");
  }
  const candidates = SPECIALIST_TECHNIQUES.flatMap((technique) => {
    const text = latest.get(`specialist:${technique}`);
    return text === undefined ? [] : [{ technique, text }];
  });
  const selectorAnswer = round.selectionOverridden
    ? overriddenSelectorAnswer(round.selectedTechniques as SpecialistTechnique[])
    : (latest.get("selector") ?? null);
  const stale = REGENERABLE_OUTPUTS.filter((o) => round.staleOutputs.includes(o)) as RegenerableOutput[];
  const { staleOutputs: _, selectedTechniques: __, ...marks } = round;
  const steering: RoundSteering = {
    ...marks,
    originalSelectedTechniques: marks.originalSelectedTechniques as SpecialistTechnique[],
  };
  return { candidates, selectorAnswer, attempts, stale, steering };
}
