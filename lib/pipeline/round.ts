import { type AgentTurn, runClient, type SessionView } from "./agents";
import { isModelFailure, type RunContext } from "./call";
import { RoundDraft } from "./round-draft";
import { RoundSteer } from "./round-steering";
import { REGENERABLE_OUTPUTS } from "./steering";
import type { RoundRecord, Variant } from "./types";
import { VARIANT_SHAPES } from "./variants";

/**
 * Plays one round. Multi-agent variants run the five specialists and the selector at once. As in the
 * method, the fuser then gets all five candidates, so it starts when the selector and all five are done;
 * with the fuseSelectedOnly switch it gets only the chosen ones and starts as soon as those are done,
 * while unchosen candidates keep streaming. The round returns when every call it started has finished
 * and been saved.
 */
export async function playRound(
  ctx: RunContext,
  variant: Variant,
  view: SessionView,
  roundIndex: number,
  signal: AbortSignal,
): Promise<RoundRecord> {
  const shape = VARIANT_SHAPES[variant];
  const round = new AbortController();
  const roundSignal = AbortSignal.any([signal, round.signal]);
  const draft = new RoundDraft(ctx, variant, view, roundIndex, roundSignal);
  const steer = await RoundSteer.start(draft.ctx, draft, roundIndex, roundSignal);
  if (shape.counselor !== "multi_agent") {
    if (!steer.counselorSeat) await draft.counsel();
    await steer.counselor();
    return finishRound(draft, steer, view, roundIndex, roundSignal);
  }
  try {
    if (ctx.config.sequential) await draft.candidates.writeInTurn();
    else draft.candidates.startAll();
    if (shape.selector) {
      await draft.select();
      await steer.selection();
    }
    // In the counselor's seat the five are the person's suggestions: all written before they write.
    if (steer.counselorSeat) await draft.candidates.all();
    else await draft.counsel();
    await steer.counselor();
    const record = await finishRound(draft, steer, view, roundIndex, roundSignal);
    const all = await draft.candidates.all();
    // An unfused candidate may fail as models do; a store error or a broken template fails the round.
    for (const c of all) if (!c.ok && !isModelFailure(c.error)) throw c.error;
    return addUsage(
      record,
      all.flatMap((c) => (c.ok ? [c.value] : [])),
    );
  } catch (error) {
    round.abort();
    await draft.candidates.all();
    throw error;
  }
}

/** The client answers the counselor's turn as it stands; the record sums the usage of every turn made. */
async function finishRound(
  draft: RoundDraft,
  steer: RoundSteer,
  view: SessionView,
  roundIndex: number,
  signal: AbortSignal,
): Promise<RoundRecord> {
  const { ctx } = draft;
  const client = await steer.client(() => {
    const dialogue = [...view.dialogue, { role: "counselor" as const, message: draft.reply as string }];
    return runClient(ctx, { ...view, dialogue }, roundIndex, signal);
  });
  const steering = steer.record;
  const { selection } = draft;
  const stale = REGENERABLE_OUTPUTS.filter((o) => draft.stale.has(o));
  const record: RoundRecord = {
    sessionId: ctx.sessionId,
    index: roundIndex,
    counselorReply: draft.reply as string,
    clientReply: client.text,
    endedByClient: client.ended,
    selectedTechniques: selection.techniques,
    selectionRationale: selection.rationale,
    selectionFallback: selection.fallback,
    tokensIn: 0,
    tokensOut: 0,
    ...(steering ? { steering } : {}),
    ...(stale.length ? { staleOutputs: stale } : {}),
  };
  const made = [draft.selected, draft.counselor].filter((turn) => turn !== null);
  return addUsage(record, [...made, ...draft.replaced, client]);
}

function addUsage(record: RoundRecord, turns: readonly AgentTurn[]): RoundRecord {
  let { tokensIn, tokensOut } = record;
  for (const { usage } of turns) {
    tokensIn += usage.inputTokens ?? 0;
    tokensOut += usage.outputTokens ?? 0;
  }
  return { ...record, tokensIn, tokensOut };
}
