import { SPECIALIST_TECHNIQUES, type SpecialistTechnique } from "@/lib/cbt/techniques";
import { AppError } from "@/lib/errors";
import {
  type AgentTurn,
  type Candidate,
  runBaselineCounselor,
  runFuser,
  runSelector,
  runSpecialist,
  type SelectionTurn,
  type SessionView,
  type TextTurn,
} from "./agents";
import { CallCancelledError, type RunContext } from "./call";
import type { Selection } from "./selection";
import type { RegenerableOutput, Seat } from "./steering";
import type { Variant } from "./types";
import { VARIANT_SHAPES } from "./variants";

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/** Without a selector the round records all five as used. Baselines record no techniques. */
const ALL_FIVE: Selection = { techniques: [...SPECIALIST_TECHNIQUES], rationale: null, fallback: false };
const NO_SELECTION: Selection = { techniques: [], rationale: null, fallback: false };

/** The selection the fuser is given: the selector's, or a person's override, with the answer text. */
export interface ChosenSelection {
  selection: Selection;
  answer: string;
}

/** One output made again at a pause: what it was and what it is now. */
export interface Remade {
  original: string | SpecialistTechnique[] | null;
  value: string | SpecialistTechnique[];
}

/**
 * What a round has made so far. While the round waits at one of its pauses, a person may have one of
 * these outputs made again: that call runs once more on the same inputs (its attempt numbers go on),
 * the round takes the new value, and the reply made from the old value is marked stale until it is
 * made again too. A call made again that fails leaves the old value in place.
 */
export class RoundDraft {
  /** The run's context, counting this round's attempts per call role as they start. */
  readonly ctx: RunContext;
  private readonly attempts = new Map<string, number>();
  private readonly candidates = new Map<SpecialistTechnique, Promise<Settled<Candidate>>>();
  private readonly written = new Set<SpecialistTechnique>();
  selected: SelectionTurn | null = null;
  chosen: ChosenSelection | null = null;
  /** The agents' counselor turn (fuser or baseline counselor); null before it, or in the counselor's seat. */
  counselor: TextTurn | null = null;
  /** The counselor's turn as the client will read it (a person's edit included). */
  reply: string | null = null;
  /** Candidates the agents' counselor turn was fused from. */
  private fusedFrom: readonly SpecialistTechnique[] = [];
  readonly stale = new Set<RegenerableOutput>();
  /** Turns replaced by ones made again: their tokens were spent all the same. */
  readonly replaced: AgentTurn[] = [];

  constructor(
    ctx: RunContext,
    private readonly variant: Variant,
    private readonly view: SessionView,
    private readonly roundIndex: number,
    private readonly signal: AbortSignal,
  ) {
    this.ctx = {
      ...ctx,
      emit: (body) => {
        if (body.type === "call-started" && body.roundIndex === roundIndex) {
          this.attempts.set(body.role, Math.max(this.attempts.get(body.role) ?? 0, body.attempt));
        }
        ctx.emit(body);
      },
    };
  }

  private get multiAgent(): boolean {
    return VARIANT_SHAPES[this.variant].counselor === "multi_agent";
  }

  /** Starts the five specialists at once (the round does not wait for them here). */
  startCandidates(): void {
    for (const technique of SPECIALIST_TECHNIQUES) this.candidates.set(technique, this.specialist(technique));
  }

  /** Runs the five one after another (the sequential switch). */
  async writeCandidatesInTurn(): Promise<void> {
    for (const technique of SPECIALIST_TECHNIQUES) {
      const settled = this.specialist(technique);
      this.candidates.set(technique, settled);
      const done = await settled;
      if (!done.ok) throw done.error;
    }
  }

  private specialist(technique: SpecialistTechnique): Promise<Settled<Candidate>> {
    const prior = this.attempts.get(`specialist:${technique}`) ?? 0;
    const run = runSpecialist(this.ctx, this.view, technique, this.roundIndex, this.signal, prior);
    return settle(run).then((settled) => {
      this.written.add(technique);
      return settled;
    });
  }

  async select(): Promise<SelectionTurn> {
    this.selected = await runSelector(this.ctx, this.view, this.roundIndex, this.signal);
    return this.selected;
  }

  /** The selection the round records: the chosen one, all five without a selector, none for baselines. */
  get selection(): Selection {
    return this.chosen?.selection ?? (this.multiAgent ? ALL_FIVE : NO_SELECTION);
  }

  /** Every candidate, settled (a failed one included). */
  async allCandidates(): Promise<Settled<Candidate>[]> {
    return Promise.all(this.candidates.values());
  }

  /** The fuser (on all five, or on the chosen ones under fuseSelectedOnly), or the baseline counselor. */
  async counsel(): Promise<TextTurn> {
    const { ctx, view, roundIndex, signal } = this;
    const prior = (role: string) => this.attempts.get(role) ?? 0;
    const shape = VARIANT_SHAPES[this.variant];
    let turn: TextTurn;
    if (shape.counselor === "multi_agent") {
      const fused = this.fusedTechniques();
      const candidates = await Promise.all(fused.map(async (t) => unwrap(await this.candidateOf(t))));
      const answer = this.chosen?.answer ?? null;
      turn = await runFuser(ctx, view, candidates, answer, roundIndex, signal, prior("fuser"));
      this.fusedFrom = fused;
    } else {
      const role = `counselor:${shape.counselor}`;
      turn = await runBaselineCounselor(ctx, view, shape.counselor, roundIndex, signal, prior(role));
    }
    this.counselor = turn;
    this.reply = turn.text;
    return turn;
  }

  /** All five, as in the method; only the chosen ones under the fuseSelectedOnly switch. */
  private fusedTechniques(): readonly SpecialistTechnique[] {
    const chosen = this.chosen?.selection;
    return chosen && this.ctx.config.switches.fuseSelectedOnly ? chosen.techniques : SPECIALIST_TECHNIQUES;
  }

  private candidateOf(technique: SpecialistTechnique): Promise<Settled<Candidate>> {
    const candidate = this.candidates.get(technique);
    if (!candidate) throw new Error(`The ${technique} specialist was never started`);
    return candidate;
  }

  /** Why `output` cannot be made again while the round waits; null when it can. */
  refusal(output: RegenerableOutput, seat: Seat): string | null {
    const round = `round ${this.roundIndex}`;
    if (output === "client") {
      return `The client has not answered ${round} yet; its reply can be regenerated once the round is stored.`;
    }
    if (output === "counselor") {
      if (seat === "counselor")
        return `A person writes the counselor's turn of ${round}: there is no agent reply to regenerate.`;
      if (!this.counselor) return `The counselor's reply of ${round} is not written yet.`;
      return null;
    }
    if (output === "selection") {
      if (!this.selected) return `${round} has no technique selection to regenerate.`;
      return null;
    }
    const technique = output.slice("candidate:".length) as SpecialistTechnique;
    if (!this.multiAgent || !this.candidates.has(technique)) return `${round} has no ${technique} candidate.`;
    if (!this.written.has(technique)) return `The ${technique} candidate of ${round} is still being written.`;
    return null;
  }

  /** Makes `output` again; null when the call failed (the old value stands, the failure is shown). */
  async remake(output: RegenerableOutput): Promise<Remade | null> {
    try {
      if (output === "selection") return await this.remakeSelection();
      if (output === "counselor") return await this.remakeCounselor();
      if (output === "client") throw new Error("The client's reply is not made at a pause");
      return await this.remakeCandidate(output.slice("candidate:".length) as SpecialistTechnique);
    } catch (error) {
      if (isModelFailure(error) && !this.signal.aborted) return null;
      throw error;
    }
  }

  private async remakeCandidate(technique: SpecialistTechnique): Promise<Remade> {
    const before = await this.candidateOf(technique);
    const settled = await this.specialist(technique);
    const candidate = unwrap(settled);
    if (before.ok) this.replaced.push(before.value);
    this.candidates.set(technique, Promise.resolve(settled));
    if (this.counselor && this.fusedFrom.includes(technique)) this.stale.add("counselor");
    return { original: before.ok ? before.value.text : null, value: candidate.text };
  }

  private async remakeSelection(): Promise<Remade> {
    const before = this.selected;
    const prior = this.attempts.get("selector") ?? 0;
    const selected = await runSelector(this.ctx, this.view, this.roundIndex, this.signal, prior);
    if (before) this.replaced.push(before);
    this.selected = selected;
    this.chosen = { selection: selected, answer: selected.answer };
    if (this.counselor) this.stale.add("counselor");
    return { original: before?.techniques ?? null, value: selected.techniques };
  }

  private async remakeCounselor(): Promise<Remade> {
    const before = this.counselor;
    const original = this.reply;
    await this.counsel();
    if (before) this.replaced.push(before);
    this.stale.delete("counselor");
    return { original, value: this.reply as string };
  }
}

export function isModelFailure(error: unknown): boolean {
  return error instanceof CallCancelledError || (error instanceof AppError && error.code === "provider");
}

export function unwrap<T>(settled: Settled<T>): T {
  if (settled.ok) return settled.value;
  throw settled.error;
}
