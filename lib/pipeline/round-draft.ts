import { SPECIALIST_TECHNIQUES, type SpecialistTechnique } from "@/lib/cbt/techniques";
import {
  type AgentTurn,
  type Candidate,
  runBaselineCounselor,
  runClient,
  runFuser,
  runSelector,
  runSpecialist,
  type SelectionTurn,
  type SessionView,
  type TextTurn,
} from "./agents";
import { isModelFailure, type RunContext } from "./call";
import { RoundCandidates } from "./round-candidates";
import type { Selection } from "./selection";
import type { RegenerableOutput, Seat } from "./steering";
import type { Variant } from "./types";
import { VARIANT_SHAPES } from "./variants";

/** Without a selector the round records all five as used. Baselines record no techniques. */
const ALL_FIVE: Selection = { techniques: [...SPECIALIST_TECHNIQUES], rationale: null, fallback: false };
const NO_SELECTION: Selection = { techniques: [], rationale: null, fallback: false };

/** The selection the fuser is given: the selector's, or a person's override, with the answer text. */
export interface ChosenSelection {
  selection: Selection;
  answer: string;
}

/** The client's answer to the round's counselor reply (a stored round may lack its text). */
export interface ClientAnswer {
  text: string | null;
  ended: boolean;
}

/** A stored round's outputs in the draft's terms: what its draft starts from (see regenerate.ts). */
export interface StoredOutputs {
  /** The number of the latest attempt per call role. */
  attempts: Record<string, number>;
  candidates: readonly Candidate[];
  selected: SelectionTurn | null;
  chosen: ChosenSelection | null;
  counselor: TextTurn;
  /** The candidates the counselor's reply counts as made from. */
  fusedFrom: readonly SpecialistTechnique[];
  client: ClientAnswer;
  stale: readonly RegenerableOutput[];
}

/** One output made again: what it was and what it is now. */
export interface Remade {
  original: string | SpecialistTechnique[] | null;
  value: string | SpecialistTechnique[];
}

/**
 * What a round has made so far: the round in progress, or a stored one (see regenerate.ts). A person
 * may have one of these outputs made again: that call runs once more on the same inputs (its attempt
 * numbers go on), the round takes the new value, and the replies made from the old value are marked
 * stale until they are made again too. Only a stored round has a client's reply to make again.
 */
export class RoundDraft {
  /** The run's context, counting this round's attempts per call role as they start. */
  readonly ctx: RunContext;
  private readonly attempts = new Map<string, number>();
  readonly candidates: RoundCandidates;
  selected: SelectionTurn | null = null;
  chosen: ChosenSelection | null = null;
  /**
   * The agents' counselor turn (fuser or baseline counselor; a stored round's reply as stored); null
   * before it, or in the counselor's seat.
   */
  counselor: TextTurn | null = null;
  /** The counselor's turn as the client will read it (a person's edit included). */
  reply: string | null = null;
  /** The client's answer: none while the round is in progress. */
  client: ClientAnswer | null = null;
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
    stored?: StoredOutputs,
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
    this.candidates = new RoundCandidates((technique) => {
      const prior = this.prior(`specialist:${technique}`);
      return runSpecialist(this.ctx, this.view, technique, roundIndex, signal, prior);
    });
    if (stored) this.restore(stored);
  }

  private restore(stored: StoredOutputs): void {
    for (const [role, attempt] of Object.entries(stored.attempts)) this.attempts.set(role, attempt);
    this.candidates.restore(stored.candidates);
    this.selected = stored.selected;
    this.chosen = stored.chosen;
    this.counselor = stored.counselor;
    this.reply = stored.counselor.text;
    this.fusedFrom = stored.fusedFrom;
    this.client = stored.client;
    for (const output of stored.stale) this.stale.add(output);
  }

  private get multiAgent(): boolean {
    return VARIANT_SHAPES[this.variant].counselor === "multi_agent";
  }

  private prior(role: string): number {
    return this.attempts.get(role) ?? 0;
  }

  async select(): Promise<SelectionTurn> {
    this.selected = await runSelector(this.ctx, this.view, this.roundIndex, this.signal);
    return this.selected;
  }

  /** The selection the round records: the chosen one, all five without a selector, none for baselines. */
  get selection(): Selection {
    return this.chosen?.selection ?? (this.multiAgent ? ALL_FIVE : NO_SELECTION);
  }

  /** The fuser (on all five, or on the chosen ones under fuseSelectedOnly), or the baseline counselor. */
  async counsel(): Promise<TextTurn> {
    const { ctx, view, roundIndex, signal } = this;
    const shape = VARIANT_SHAPES[this.variant];
    let turn: TextTurn;
    if (shape.counselor === "multi_agent") {
      const fused = this.fusedTechniques();
      const candidates = await Promise.all(fused.map((technique) => this.candidates.of(technique)));
      const answer = this.chosen?.answer ?? null;
      turn = await runFuser(ctx, view, candidates, answer, roundIndex, signal, this.prior("fuser"));
      this.fusedFrom = fused;
    } else {
      const role = `counselor:${shape.counselor}`;
      turn = await runBaselineCounselor(ctx, view, shape.counselor, roundIndex, signal, this.prior(role));
    }
    this.counselor = turn;
    this.reply = turn.text;
    return turn;
  }

  /**
   * All five, as in the method; only the chosen ones under the fuseSelectedOnly switch. Those the round
   * has: a stored round lacks a candidate that failed where the reply did not need it.
   */
  private fusedTechniques(): readonly SpecialistTechnique[] {
    const chosen = this.chosen?.selection;
    const fused =
      chosen && this.ctx.config.switches.fuseSelectedOnly ? chosen.techniques : SPECIALIST_TECHNIQUES;
    return fused.filter((technique) => this.candidates.has(technique));
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
    if (!this.candidates.isWritten(technique))
      return `The ${technique} candidate of ${round} is still being written.`;
    return null;
  }

  /** Makes `output` again at a pause; null when the call failed (the old value stands, the failure shows). */
  async remakeAtPause(output: RegenerableOutput): Promise<Remade | null> {
    try {
      return await this.remake(output);
    } catch (error) {
      if (isModelFailure(error) && !this.signal.aborted) return null;
      throw error;
    }
  }

  /** Makes `output` again; rejects when the call fails, leaving the draft as it was. */
  async remake(output: RegenerableOutput): Promise<Remade> {
    if (output === "selection") return this.remakeSelection();
    if (output === "counselor") return this.remakeCounselor();
    if (output === "client") return this.remakeClient();
    return this.remakeCandidate(output.slice("candidate:".length) as SpecialistTechnique);
  }

  private async remakeCandidate(technique: SpecialistTechnique): Promise<Remade> {
    const { before, after } = await this.candidates.rewrite(technique);
    if (before) this.replaced.push(before);
    if (this.counselor && this.fusedFrom.includes(technique)) this.counselorStale();
    return { original: before?.text ?? null, value: after.text };
  }

  private async remakeSelection(): Promise<Remade> {
    const before = this.selected;
    const { ctx, view, roundIndex, signal } = this;
    const selected = await runSelector(ctx, view, roundIndex, signal, this.prior("selector"));
    if (before) this.replaced.push(before);
    this.selected = selected;
    this.chosen = { selection: selected, answer: selected.answer };
    if (this.counselor) this.counselorStale();
    return { original: before?.techniques ?? null, value: selected.techniques };
  }

  private async remakeCounselor(): Promise<Remade> {
    const before = this.counselor;
    const original = this.reply;
    await this.counsel();
    if (before) this.replaced.push(before);
    this.stale.delete("counselor");
    this.clientStale();
    return { original, value: this.reply as string };
  }

  /** The client answers the counselor's reply as it stands (a stale one included). */
  private async remakeClient(): Promise<Remade> {
    const before = this.client;
    if (!before) throw new Error("The client's reply is not made at a pause");
    const { ctx, view, roundIndex, signal } = this;
    const dialogue = [...view.dialogue, { role: "counselor" as const, message: this.reply as string }];
    const client = await runClient(ctx, { ...view, dialogue }, roundIndex, signal, this.prior("client"));
    this.client = { text: client.text, ended: client.ended };
    this.stale.delete("client");
    return { original: before.text, value: client.text };
  }

  /** The counselor's reply no longer follows from what it was made from, nor the client's answer to it. */
  private counselorStale(): void {
    this.stale.add("counselor");
    this.clientStale();
  }

  private clientStale(): void {
    if (this.client) this.stale.add("client");
  }
}
