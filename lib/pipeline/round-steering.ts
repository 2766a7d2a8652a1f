import type { SpecialistTechnique } from "@/lib/cbt/techniques";
import type { ClientTurn } from "./agents";
import type { RunContext } from "./call";
import { parseClientReply } from "./client-reply";
import type { ChosenSelection, RoundDraft } from "./round-draft";
import {
  awaitingOf,
  type InterventionRecord,
  NO_STEERING,
  overriddenSelectorAnswer,
  type PausePoint,
  REGENERABLE_OUTPUTS,
  type RoundSteering,
  type SteeringAnswer,
  type SteeringSettings,
  seatPoint,
  unsteeredRound,
} from "./steering";

/**
 * The people's part in one round: where it waits, what they changed, and the marks the round keeps.
 * With no steering (or settings that pause nowhere) every method hands the agents' value straight
 * back, so the round is played exactly as without it. While it waits, a person may have an output
 * of the round made again (the draft does it); the round then waits at the same pause again.
 */
export class RoundSteer {
  readonly marks: RoundSteering;
  private changed = false;

  private constructor(
    private readonly ctx: RunContext,
    private readonly draft: RoundDraft,
    private readonly roundIndex: number,
    private readonly settings: SteeringSettings,
    private readonly signal: AbortSignal,
  ) {
    this.marks = unsteeredRound(settings.seat);
  }

  static async start(
    ctx: RunContext,
    draft: RoundDraft,
    roundIndex: number,
    signal: AbortSignal,
  ): Promise<RoundSteer> {
    const settings = ctx.steering ? await ctx.steering.settingsFor(roundIndex) : NO_STEERING;
    return new RoundSteer(ctx, draft, roundIndex, settings, signal);
  }

  /** A person writes the counselor's turn: the fuser (or baseline counselor) does not run. */
  get counselorSeat(): boolean {
    return this.settings.seat === "counselor";
  }

  /** The marks to store with the round; undefined when the agents played it all. */
  get record(): RoundSteering | undefined {
    return this.changed || this.settings.seat !== "agents" ? this.marks : undefined;
  }

  /** After the selector: a person may choose other techniques; the fuser then reads their choice. */
  async selection(): Promise<ChosenSelection> {
    const answer = await this.pause("selection");
    const selected = this.draft.selected;
    if (!selected) throw new Error("The selection was steered before the selector answered");
    if (answer?.command.type !== "override-selection") {
      this.draft.chosen = { selection: selected, answer: selected.answer };
      return this.kept("selection", answer, this.draft.chosen);
    }
    const techniques = [...new Set(answer.command.techniques)] as SpecialistTechnique[];
    this.marks.selectionOverridden = true;
    this.marks.originalSelectedTechniques = selected.techniques;
    await this.note(answer, "selection_override", selected.techniques, techniques);
    this.draft.chosen = {
      selection: { techniques, rationale: null, fallback: false },
      answer: overriddenSelectorAnswer(techniques),
    };
    return this.draft.chosen;
  }

  /** After the agents' counselor turn, or instead of it in the counselor's seat (the draft has none). */
  async counselor(): Promise<string> {
    const answer = await this.pause("counselor");
    const reply = this.draft.counselor?.text ?? null;
    if (answer?.command.type !== "write-counselor" || answer.command.text === reply) {
      if (reply === null) throw new Error("The counselor's seat was answered without a reply");
      this.draft.reply = reply;
      return this.kept("counselor", answer, reply);
    }
    const { text, inserted } = answer.command;
    this.marks.counselorEdited = true;
    this.marks.originalCounselorReply = reply;
    await this.note(answer, reply === null ? "counselor_written" : "counselor_edit", reply, text, {
      ...(inserted.length ? { inserted } : {}),
    });
    this.draft.reply = text;
    return text;
  }

  /**
   * Before the client: a person may type the client's reply; otherwise the client agent answers
   * (`agent` reads the counselor's turn as it stands after the pause).
   */
  async client(agent: () => Promise<ClientTurn>): Promise<ClientTurn> {
    const answer = await this.pause("client");
    if (answer?.command.type !== "write-client") return this.kept("client", answer, null) ?? agent();
    const { text, endRequested } = parseClientReply(answer.command.text);
    this.marks.clientEdited = true;
    await this.note(answer, "client_written", null, text);
    const ended = endRequested && this.roundIndex >= this.ctx.config.minRoundsBeforeEnd;
    return { text, endRequested, ended, usage: { inputTokens: 0, outputTokens: 0 } };
  }

  private async pause(point: PausePoint): Promise<SteeringAnswer | null> {
    const { steering } = this.ctx;
    const { seat, pausePoints } = this.settings;
    if (!steering || (seatPoint(seat) !== point && !pausePoints.includes(point))) return null;
    const { roundIndex } = this;
    const pause = { roundIndex, point, seat };
    // Stays set while an output is made again at the pause; a stop clears it with the status.
    await this.ctx.store.setAwaiting(this.ctx.sessionId, awaitingOf(pause));
    for (;;) {
      this.ctx.emit({ type: "steering-awaited", ...pause });
      const answer = await steering.answer(pause, this.signal, (output) => this.draft.refusal(output, seat));
      if (answer.command.type !== "regenerate") {
        await this.ctx.store.setAwaiting(this.ctx.sessionId, null);
        return answer;
      }
      await this.remake({ ...answer, command: answer.command });
    }
  }

  /** Has the draft make one output again and records it; a call that failed changes nothing. */
  private async remake(answer: SteeringAnswer & { command: { type: "regenerate" } }): Promise<void> {
    const { output } = answer.command;
    const remade = await this.draft.remakeAtPause(output);
    if (!remade) return;
    if (output === "selection") {
      this.marks.selectionOverridden = false;
      this.marks.originalSelectedTechniques = [];
    }
    if (output === "counselor") {
      this.marks.counselorEdited = false;
      this.marks.originalCounselorReply = null;
    }
    this.changed = true;
    const interventionId = await this.store(answer, "output_regenerated", remade.original, remade.value, {
      output,
    });
    this.ctx.emit({
      type: "output-regenerated",
      roundIndex: this.roundIndex,
      output,
      value: remade.value,
      stale: REGENERABLE_OUTPUTS.filter((o) => this.draft.stale.has(o)),
      by: answer.by.name,
      interventionId,
    });
  }

  /** The person let the agents' value stand: the round stops waiting, nothing is recorded. */
  private kept<T>(point: PausePoint, answer: SteeringAnswer | null, value: T): T {
    if (answer) {
      const { roundIndex } = this;
      this.ctx.emit({
        type: "steering-applied",
        roundIndex,
        point,
        kind: null,
        value: null,
        by: answer.by.name,
      });
    }
    return value;
  }

  /** A person's answer changed the round: stored, then shown. */
  private async note(
    answer: SteeringAnswer,
    kind: Exclude<InterventionRecord["kind"], "output_regenerated">,
    originalValue: InterventionRecord["originalValue"],
    newValue: InterventionRecord["newValue"],
    detail?: InterventionRecord["detail"],
  ): Promise<void> {
    this.changed = true;
    const interventionId = await this.store(answer, kind, originalValue, newValue, detail);
    const point: PausePoint =
      kind === "selection_override" ? "selection" : kind === "client_written" ? "client" : "counselor";
    const { roundIndex } = this;
    const by = answer.by.name;
    this.ctx.emit({ type: "steering-applied", roundIndex, point, kind, value: newValue, by, interventionId });
  }

  private store(
    answer: SteeringAnswer,
    kind: InterventionRecord["kind"],
    originalValue: InterventionRecord["originalValue"],
    newValue: InterventionRecord["newValue"],
    detail?: InterventionRecord["detail"],
  ): Promise<string> {
    return this.ctx.store.saveIntervention({
      sessionId: this.ctx.sessionId,
      roundIndex: this.roundIndex,
      kind,
      originalValue,
      newValue,
      by: answer.by,
      ...(detail && Object.keys(detail).length ? { detail } : {}),
    });
  }
}
