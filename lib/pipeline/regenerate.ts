import type { SpecialistTechnique } from "@/lib/cbt/techniques";
import { AppError } from "@/lib/errors";
import type { CandidateText } from "@/lib/prompts";
import { runBaselineCounselor, runClient, runFuser, runSelector, runSpecialist } from "./agents";
import { contextOf, dialogueOf, type SessionRun } from "./engine";
import { createEmitter } from "./events";
import { REGENERABLE_OUTPUTS, type RegenerableOutput, type Steerer } from "./steering";
import type { SessionProgress } from "./store";
import type { RoundRecord } from "./types";
import { VARIANT_SHAPES } from "./variants";

// Regenerating one output of a session's last round: that one agent call runs again on the inputs it
// had, the round takes its new value, and the outputs made from the old value are marked stale until
// they are regenerated too (a candidate or the selection → the counselor's reply → the client's).

/** What the stored round was made from, besides its record. */
export interface RoundInputs {
  /** The latest successful candidate per technique. */
  candidates: CandidateText[];
  /** The selector's answer as the fuser was given it (a person's override included); null without one. */
  selectorAnswer: string | null;
  /** The number of the latest stored attempt per call role ("fuser", "specialist:reflection"…). */
  attempts: Record<string, number>;
  stale: RegenerableOutput[];
}

export interface Regeneration {
  round: RoundRecord;
  stale: RegenerableOutput[];
  original: string | SpecialistTechnique[] | null;
  value: string | SpecialistTechnique[];
}

type RegenerationRun = Pick<
  SessionRun,
  "sessionId" | "profile" | "variant" | "config" | "store" | "signal" | "onEvent" | "models" | "random"
>;

/**
 * Runs the one call behind `output` of the last round again and stores the person's intervention;
 * the caller stores the returned round.
 */
export async function regenerateOutput(
  run: RegenerationRun,
  progress: SessionProgress,
  inputs: RoundInputs,
  output: RegenerableOutput,
  by: Steerer,
): Promise<Regeneration> {
  const round = progress.rounds.at(-1);
  if (!round) throw unprocessable("The session has no round to regenerate");
  const shape = VARIANT_SHAPES[run.variant];
  const multiAgent = shape.counselor === "multi_agent";
  if ((output.startsWith("candidate:") && !multiAgent) || (output === "selection" && !shape.selector)) {
    throw unprocessable(`A ${run.variant} session has no ${output} to regenerate`);
  }
  const ctx = contextOf(run, createEmitter(run.sessionId, run.onEvent));
  const signal = run.signal ?? new AbortController().signal;
  const view = {
    profile: run.profile,
    plan: progress.plan,
    dialogue: dialogueOf(run.profile, progress.rounds.slice(0, -1)),
  };
  const { index } = round;
  const prior = (role: string) => inputs.attempts[role] ?? 0;
  const stale = new Set(inputs.stale);
  stale.delete(output);
  const steering = round.steering && { ...round.steering };
  let next: RoundRecord = { ...round };
  let original: Regeneration["original"];
  let value: Regeneration["value"];

  if (output === "selection" || output.startsWith("candidate:")) {
    if (output === "selection") {
      const selected = await runSelector(ctx, view, index, signal, prior("selector"));
      original = round.selectedTechniques;
      value = selected.techniques;
      next = { ...next, selectedTechniques: selected.techniques, selectionRationale: selected.rationale };
      if (steering) steering.selectionOverridden = false;
    } else {
      const technique = output.slice("candidate:".length) as SpecialistTechnique;
      original = inputs.candidates.find((c) => c.technique === technique)?.text ?? null;
      value = (await runSpecialist(ctx, view, technique, index, signal, prior(`specialist:${technique}`)))
        .text;
    }
    stale.add("counselor");
    stale.add("client");
  } else if (output === "counselor") {
    const text = multiAgent
      ? (
          await runFuser(
            ctx,
            view,
            fusedInputs(run, inputs, round),
            inputs.selectorAnswer,
            index,
            signal,
            prior("fuser"),
          )
        ).text
      : (
          await runBaselineCounselor(
            ctx,
            view,
            shape.counselor as "cactus" | "psych8k",
            index,
            signal,
            prior(`counselor:${shape.counselor}`),
          )
        ).text;
    original = round.counselorReply;
    value = text;
    next = { ...next, counselorReply: text };
    if (steering) Object.assign(steering, { counselorEdited: false, originalCounselorReply: null });
    stale.add("client");
  } else {
    const dialogue = [...view.dialogue, { role: "counselor" as const, message: round.counselorReply }];
    const client = await runClient(ctx, { ...view, dialogue }, index, signal, prior("client"));
    original = round.clientReply;
    value = client.text;
    next = { ...next, clientReply: client.text, endedByClient: client.ended };
    if (steering) Object.assign(steering, { clientEdited: false, originalClientReply: null });
  }
  const staleOutputs = REGENERABLE_OUTPUTS.filter((o) => stale.has(o));
  next = { ...next, ...(steering ? { steering } : {}), staleOutputs };
  const interventionId = await run.store.saveIntervention({
    sessionId: run.sessionId,
    roundIndex: index,
    kind: "output_regenerated",
    originalValue: original,
    newValue: value,
    by,
    detail: { output },
  });
  ctx.emit({
    type: "output-regenerated",
    roundIndex: index,
    output,
    value,
    stale: staleOutputs,
    by: by.name,
    interventionId,
  });
  ctx.emit({ type: "round-completed", round: next });
  return { round: next, stale: staleOutputs, original, value };
}

/** The candidates the fuser reads: all five, or the chosen ones under the fuseSelectedOnly switch. */
function fusedInputs(run: RegenerationRun, inputs: RoundInputs, round: RoundRecord): CandidateText[] {
  if (!run.config.switches.fuseSelectedOnly || inputs.selectorAnswer === null) return inputs.candidates;
  return inputs.candidates.filter((c) => round.selectedTechniques.includes(c.technique));
}

function unprocessable(message: string): AppError {
  return new AppError("unprocessable", message, [{ field: "output", message }]);
}
