import type { SpecialistTechnique } from "@/lib/cbt/techniques";
import type { ClientTurn, SelectionTurn } from "./agents";
import type { RunContext } from "./call";
import { parseClientReply } from "./client-reply";
import type { Selection } from "./selection";
import {
  type InterventionRecord,
  NO_STEERING,
  overriddenSelectorAnswer,
  type PausePoint,
  type RoundSteering,
  type SteeringAnswer,
  type SteeringSettings,
  seatPoint,
  unsteeredRound,
} from "./steering";

/**
 * The people's part in one round: where it waits, what they changed, and the marks the round keeps.
 * With no steering (or settings that pause nowhere) every method hands the agents' value straight
 * back, so the round is played exactly as without it.
 */
export class RoundSteer {
  readonly marks: RoundSteering;
  private changed = false;

  private constructor(
    private readonly ctx: RunContext,
    private readonly roundIndex: number,
    private readonly settings: SteeringSettings,
    private readonly signal: AbortSignal,
  ) {
    this.marks = unsteeredRound(settings.seat);
  }

  static async start(ctx: RunContext, roundIndex: number, signal: AbortSignal): Promise<RoundSteer> {
    const settings = ctx.steering ? await ctx.steering.settingsFor(roundIndex) : NO_STEERING;
    return new RoundSteer(ctx, roundIndex, settings, signal);
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
  async selection(selected: SelectionTurn): Promise<{ selection: Selection; answer: string }> {
    const kept = { selection: selected as Selection, answer: selected.answer };
    const answer = await this.pause("selection");
    if (answer?.command.type !== "override-selection") return this.kept("selection", answer, kept);
    const techniques = [...new Set(answer.command.techniques)] as SpecialistTechnique[];
    this.marks.selectionOverridden = true;
    this.marks.originalSelectedTechniques = selected.techniques;
    await this.note(answer, "selection_override", selected.techniques, techniques);
    return {
      selection: { techniques, rationale: null, fallback: false },
      answer: overriddenSelectorAnswer(techniques),
    };
  }

  /** After the fuser (`reply`), or instead of it in the counselor's seat (`reply` null). */
  async counselor(reply: string | null): Promise<string> {
    const answer = await this.pause("counselor");
    if (answer?.command.type !== "write-counselor" || answer.command.text === reply) {
      if (reply === null) throw new Error("The counselor's seat was answered without a reply");
      return this.kept("counselor", answer, reply);
    }
    const { text, inserted } = answer.command;
    this.marks.counselorEdited = true;
    this.marks.originalCounselorReply = reply;
    await this.note(answer, reply === null ? "counselor_written" : "counselor_edit", reply, text, {
      ...(inserted.length ? { inserted } : {}),
    });
    return text;
  }

  /** Before the client: a person may type the client's reply; otherwise the client agent answers. */
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
    this.ctx.emit({ type: "steering-awaited", roundIndex, point, seat });
    return steering.answer({ roundIndex, point, seat }, this.signal);
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

  private async note(
    answer: SteeringAnswer,
    kind: InterventionRecord["kind"],
    originalValue: InterventionRecord["originalValue"],
    newValue: InterventionRecord["newValue"],
    detail?: InterventionRecord["detail"],
  ): Promise<void> {
    this.changed = true;
    const { roundIndex } = this;
    const point: PausePoint =
      kind === "selection_override" ? "selection" : kind === "client_written" ? "client" : "counselor";
    await this.ctx.store.saveIntervention({
      sessionId: this.ctx.sessionId,
      roundIndex,
      kind,
      originalValue,
      newValue,
      by: answer.by,
      ...(detail && Object.keys(detail).length ? { detail } : {}),
    });
    this.ctx.emit({ type: "steering-applied", roundIndex, point, kind, value: newValue, by: answer.by.name });
  }
}
