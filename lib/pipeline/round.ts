import { SPECIALIST_TECHNIQUES, type SpecialistTechnique } from "@/lib/cbt/techniques";
import { AppError } from "@/lib/errors";
import {
  type AgentTurn,
  type Candidate,
  runBaselineCounselor,
  runClient,
  runFuser,
  runSelector,
  runSpecialist,
  type SessionView,
} from "./agents";
import { CallCancelledError, type RunContext } from "./call";
import { RoundSteer } from "./round-steering";
import type { Selection } from "./selection";
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
  const steer = await RoundSteer.start(ctx, roundIndex, signal);
  if (shape.counselor !== "multi_agent") {
    const counselor = steer.counselorSeat
      ? null
      : await runBaselineCounselor(ctx, view, shape.counselor, roundIndex, signal);
    const reply = await steer.counselor(counselor?.text ?? null);
    const turns = counselor ? [counselor] : [];
    return finishRound(ctx, steer, view, roundIndex, reply, NO_SELECTION, turns, signal);
  }
  const play = ctx.config.sequential ? sequentialRound : concurrentRound;
  return play(ctx, steer, view, roundIndex, shape.selector, signal);
}

/** Without a selector the round records all five as used. Baselines record no techniques. */
const ALL_FIVE: Selection = { techniques: [...SPECIALIST_TECHNIQUES], rationale: null, fallback: false };
const NO_SELECTION: Selection = { techniques: [], rationale: null, fallback: false };

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

async function concurrentRound(
  ctx: RunContext,
  steer: RoundSteer,
  view: SessionView,
  roundIndex: number,
  useSelector: boolean,
  signal: AbortSignal,
): Promise<RoundRecord> {
  const round = new AbortController();
  const roundSignal = AbortSignal.any([signal, round.signal]);
  const pending = byTechnique((t) => settle(runSpecialist(ctx, view, t, roundIndex, roundSignal)));
  try {
    const selected = useSelector ? await runSelector(ctx, view, roundIndex, roundSignal) : null;
    const chosen = selected ? await steer.selection(selected) : null;
    const selection = chosen?.selection ?? ALL_FIVE;
    let reply: string;
    const turns: AgentTurn[] = selected ? [selected] : [];
    if (steer.counselorSeat) {
      // The five are the person's suggestions: they are all written before the person writes.
      await Promise.all(Object.values(pending));
      reply = await steer.counselor(null);
    } else {
      const fused = fusedTechniques(ctx, chosen?.selection ?? null);
      const candidates = await Promise.all(fused.map(async (t) => unwrap(await pending[t])));
      const answer = chosen?.answer ?? null;
      const fuser = await runFuser(ctx, view, candidates, answer, roundIndex, roundSignal);
      turns.unshift(fuser);
      reply = await steer.counselor(fuser.text);
    }
    const record = await finishRound(ctx, steer, view, roundIndex, reply, selection, turns, roundSignal);
    const all = await Promise.all(Object.values(pending));
    // An unfused candidate may fail as models do; a store error or a broken template fails the round.
    for (const c of all) if (!c.ok && !isModelFailure(c.error)) throw c.error;
    return addUsage(
      record,
      all.flatMap((c) => (c.ok ? [c.value] : [])),
    );
  } catch (error) {
    round.abort();
    await Promise.all(Object.values(pending));
    throw error;
  }
}

async function sequentialRound(
  ctx: RunContext,
  steer: RoundSteer,
  view: SessionView,
  roundIndex: number,
  useSelector: boolean,
  signal: AbortSignal,
): Promise<RoundRecord> {
  const candidates = {} as Record<SpecialistTechnique, Candidate>;
  for (const technique of SPECIALIST_TECHNIQUES) {
    candidates[technique] = await runSpecialist(ctx, view, technique, roundIndex, signal);
  }
  const selected = useSelector ? await runSelector(ctx, view, roundIndex, signal) : null;
  const chosen = selected ? await steer.selection(selected) : null;
  const selection = chosen?.selection ?? ALL_FIVE;
  const turns: AgentTurn[] = [...Object.values(candidates), ...(selected ? [selected] : [])];
  let reply: string;
  if (steer.counselorSeat) reply = await steer.counselor(null);
  else {
    const fused = fusedTechniques(ctx, chosen?.selection ?? null).map((t) => candidates[t]);
    const fuser = await runFuser(ctx, view, fused, chosen?.answer ?? null, roundIndex, signal);
    turns.unshift(fuser);
    reply = await steer.counselor(fuser.text);
  }
  return finishRound(ctx, steer, view, roundIndex, reply, selection, turns, signal);
}

/** All five, as in the method; only the chosen ones under the fuseSelectedOnly switch. */
function fusedTechniques(ctx: RunContext, selected: Selection | null): readonly SpecialistTechnique[] {
  return selected && ctx.config.switches.fuseSelectedOnly ? selected.techniques : SPECIALIST_TECHNIQUES;
}

function isModelFailure(error: unknown): boolean {
  return error instanceof CallCancelledError || (error instanceof AppError && error.code === "provider");
}

function unwrap<T>(settled: Settled<T>): T {
  if (settled.ok) return settled.value;
  throw settled.error;
}

/** The client answers the counselor's message; the round record sums the usage of the given turns. */
async function finishRound(
  ctx: RunContext,
  steer: RoundSteer,
  view: SessionView,
  roundIndex: number,
  counselorReply: string,
  selection: Selection,
  turns: AgentTurn[],
  signal: AbortSignal,
): Promise<RoundRecord> {
  const dialogue = [...view.dialogue, { role: "counselor" as const, message: counselorReply }];
  const client = await steer.client(() => runClient(ctx, { ...view, dialogue }, roundIndex, signal));
  const steering = steer.record;
  const record: RoundRecord = {
    sessionId: ctx.sessionId,
    index: roundIndex,
    counselorReply,
    clientReply: client.text,
    endedByClient: client.ended,
    selectedTechniques: selection.techniques,
    selectionRationale: selection.rationale,
    selectionFallback: selection.fallback,
    tokensIn: 0,
    tokensOut: 0,
    ...(steering ? { steering } : {}),
  };
  return addUsage(record, [...turns, client]);
}

function addUsage(record: RoundRecord, turns: readonly AgentTurn[]): RoundRecord {
  let { tokensIn, tokensOut } = record;
  for (const { usage } of turns) {
    tokensIn += usage.inputTokens ?? 0;
    tokensOut += usage.outputTokens ?? 0;
  }
  return { ...record, tokensIn, tokensOut };
}

function byTechnique<T>(make: (technique: SpecialistTechnique) => T): Record<SpecialistTechnique, T> {
  return Object.fromEntries(SPECIALIST_TECHNIQUES.map((t) => [t, make(t)])) as Record<SpecialistTechnique, T>;
}
