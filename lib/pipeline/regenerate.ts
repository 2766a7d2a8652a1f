import { SPECIALIST_TECHNIQUES, type SpecialistTechnique } from "@/lib/cbt/techniques";
import { AppError } from "@/lib/errors";
import type { CandidateText } from "@/lib/prompts";
import { contextOf, dialogueOf, type SessionRun } from "./engine";
import { createEmitter } from "./events";
import { RoundDraft, type StoredOutputs } from "./round-draft";
import { REGENERABLE_OUTPUTS, type RegenerableOutput, type RoundSteering, type Steerer } from "./steering";
import type { SessionProgress } from "./store";
import type { RoundRecord, Usage } from "./types";
import { VARIANT_SHAPES } from "./variants";

// Regenerating one output of a session's last round, once stored: the round's draft is rebuilt from what
// the round was made from and makes that output again (see RoundDraft.remake), and the round is revised.

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

/** The stored round's turns carry no usage: their tokens are counted in the round already. */
const NO_USAGE: Usage = { inputTokens: 0, outputTokens: 0 };

/** A person's marks on an output, cleared when the agents make it again. */
const CLEARED_MARKS: Partial<Record<RegenerableOutput, Partial<RoundSteering>>> = {
  selection: { selectionOverridden: false },
  counselor: { counselorEdited: false, originalCounselorReply: null },
  client: { clientEdited: false, originalClientReply: null },
};

/**
 * Runs the one call behind `output` of the last round again and stores the person's intervention;
 * the caller stores the returned round. A call that fails rejects, and nothing changes.
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
  const stored = storedOutputs(round, inputs, run.config.switches.fuseSelectedOnly);
  const draft = new RoundDraft(ctx, run.variant, view, round.index, signal, stored);
  const { original, value } = await draft.remake(output);
  const staleOutputs = REGENERABLE_OUTPUTS.filter((o) => draft.stale.has(o));
  const steering = round.steering && { ...round.steering, ...CLEARED_MARKS[output] };
  const next = { ...round, ...newValues(draft, output), ...(steering ? { steering } : {}), staleOutputs };
  const interventionId = await run.store.saveIntervention({
    sessionId: run.sessionId,
    roundIndex: round.index,
    kind: "output_regenerated",
    originalValue: original,
    newValue: value,
    by,
    detail: { output },
  });
  ctx.emit({
    type: "output-regenerated",
    roundIndex: round.index,
    output,
    value,
    stale: staleOutputs,
    by: by.name,
    interventionId,
  });
  ctx.emit({ type: "round-completed", round: next });
  return { round: next, stale: staleOutputs, original, value };
}

/** The stored round in the draft's terms. */
function storedOutputs(round: RoundRecord, inputs: RoundInputs, fuseSelectedOnly: boolean): StoredOutputs {
  const answer = inputs.selectorAnswer;
  const selection = {
    techniques: round.selectedTechniques,
    rationale: round.selectionRationale,
    fallback: round.selectionFallback,
  };
  return {
    attempts: inputs.attempts,
    candidates: inputs.candidates.map((candidate) => ({ ...candidate, usage: NO_USAGE })),
    selected: answer === null ? null : { ...selection, answer, usage: NO_USAGE },
    chosen: answer === null ? null : { selection, answer },
    counselor: { text: round.counselorReply, usage: NO_USAGE },
    // What the fuser read, as in the round: the chosen ones under fuseSelectedOnly, else all five (the
    // reply of a selection made again since is stale already).
    fusedFrom: fuseSelectedOnly && answer !== null ? round.selectedTechniques : SPECIALIST_TECHNIQUES,
    client: { text: round.clientReply, ended: round.endedByClient },
    stale: inputs.stale,
  };
}

/** The round's fields that `output` made again changes. */
function newValues(draft: RoundDraft, output: RegenerableOutput): Partial<RoundRecord> {
  if (output === "selection" && draft.selected) {
    const { techniques, rationale } = draft.selected;
    return { selectedTechniques: techniques, selectionRationale: rationale };
  }
  if (output === "counselor" && draft.reply !== null) return { counselorReply: draft.reply };
  if (output === "client" && draft.client) {
    return { clientReply: draft.client.text, endedByClient: draft.client.ended };
  }
  return {};
}

function unprocessable(message: string): AppError {
  return new AppError("unprocessable", message, [{ field: "output", message }]);
}
