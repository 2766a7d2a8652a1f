import type {
  Pause,
  PausePoint,
  RegenerableOutput,
  RegenerationRefusal,
  Steerer,
  Steering,
  SteeringAnswer,
  SteeringCommand,
  SteeringSettings,
} from "@/lib/pipeline/steering";
import { pointOf, seatPoint } from "@/lib/pipeline/steering";

const POINT_LABEL: Record<PausePoint, string> = {
  selection: "technique selection",
  counselor: "counselor's reply",
  client: "client's reply",
};

function outputLabel(output: RegenerableOutput): string {
  return output.startsWith("candidate:")
    ? `${output.slice("candidate:".length)} candidate`
    : POINT_LABEL[output as PausePoint];
}

interface Waiting {
  pause: Pause;
  refusal?: RegenerationRefusal;
  resolve: (answer: SteeringAnswer) => void;
}

/** A round making an output again at its pause: it comes back to the same pause when done. */
interface Remaking {
  pause: Pause;
  refusal?: RegenerationRefusal;
  output: RegenerableOutput;
  by: Steerer;
}

type Regeneration = SteeringAnswer & { command: { type: "regenerate" } };

/**
 * The run's side of steering: the round waiting for a person, and the commands that reach the run
 * over the bus. Commands arrive one at a time, so the first answer to a pause wins and every later
 * one is refused with who answered first: never a silent overwrite. Regenerations do not answer the
 * pause: they queue and run one after another while the round waits, and the pause cannot be
 * answered until they are done.
 */
export class SteeringDesk implements Steering {
  private waiting: Waiting | null = null;
  /** Who answered each pause of this run, by "round:point". */
  private readonly answered = new Map<string, string>();
  /** "Run to the end": later step-mode pauses of this run are skipped (a seat still waits). */
  private skipping = false;
  /** Who asked to run to the end: later pauses pass in their name. */
  private skipper: Steerer | null = null;
  private remaking: Remaking | null = null;
  private readonly regenerations: Regeneration[] = [];

  constructor(private readonly load: () => Promise<SteeringSettings>) {}

  async settingsFor(): Promise<SteeringSettings> {
    const settings = await this.load();
    return this.skipping ? { ...settings, pausePoints: [] } : settings;
  }

  answer(pause: Pause, signal: AbortSignal, refusal?: RegenerationRefusal): Promise<SteeringAnswer> {
    const next = this.regenerations.shift();
    if (next && next.command.roundIndex === pause.roundIndex) {
      this.remaking = { pause, refusal, output: next.command.output, by: next.by };
      return Promise.resolve(next);
    }
    this.regenerations.length = 0;
    this.remaking = null;
    // The round in progress read its pause points before "Run to the end": its later pauses pass too.
    if (this.skipper && seatPoint(pause.seat) !== pause.point) {
      const command = { type: "continue" as const, roundIndex: pause.roundIndex, point: pause.point };
      this.answered.set(`${pause.roundIndex}:${pause.point}`, this.skipper.name);
      return Promise.resolve({ command, by: this.skipper });
    }
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const waiting: Waiting = {
        pause,
        refusal,
        resolve: (answer) => {
          signal.removeEventListener("abort", onAbort);
          if (this.waiting === waiting) this.waiting = null;
          resolve(answer);
        },
      };
      const onAbort = () => {
        if (this.waiting === waiting) this.waiting = null;
        reject(signal.reason);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      this.waiting = waiting;
    });
  }

  /** Applies a command to the pause it names; returns why it cannot, or null when applied. */
  receive(command: SteeringCommand, by: Steerer): string | null {
    const waiting = this.waiting;
    if (command.type === "run-to-end") {
      this.skipping = true;
      this.skipper = by;
      const { pause } = waiting ?? {};
      if (
        waiting &&
        pause &&
        pause.roundIndex === command.roundIndex &&
        seatPoint(pause.seat) !== pause.point
      ) {
        this.settle(waiting, { type: "continue", roundIndex: pause.roundIndex, point: pause.point }, by);
      }
      return null;
    }
    if (command.type === "regenerate") return this.regenerate({ command, by });
    if (!waiting && this.remaking) {
      const { pause, output, by: asker } = this.remaking;
      return `Round ${pause.roundIndex} is making its ${outputLabel(output)} again (asked by ${asker.name}); answer once it is done.`;
    }
    const point = pointOf(command) as PausePoint;
    const label = `round ${command.roundIndex}'s ${POINT_LABEL[point]}`;
    const first = this.answered.get(`${command.roundIndex}:${point}`);
    if (first) return `Someone was first: ${first} already answered ${label}. Nothing was changed.`;
    const { pause } = waiting ?? {};
    if (!waiting || !pause || pause.roundIndex !== command.roundIndex || pause.point !== point) {
      const now = pause
        ? `it waits at round ${pause.roundIndex}'s ${POINT_LABEL[pause.point]}`
        : "it waits nowhere";
      return `The session is not waiting at ${label} (${now}).`;
    }
    if (command.type === "continue" && seatPoint(pause.seat) === point) {
      return `A person holds the ${pause.seat}'s seat: ${label} must be written, not skipped.`;
    }
    this.settle(waiting, command, by);
    return null;
  }

  /** Hands the waiting round an output to make again, or queues it behind the one being made. */
  private regenerate(regeneration: Regeneration): string | null {
    const { roundIndex, output } = regeneration.command;
    const at = this.waiting ?? this.remaking;
    if (!at || at.pause.roundIndex !== roundIndex) {
      const now = at ? `it waits in round ${at.pause.roundIndex}` : "it waits nowhere";
      return `Round ${roundIndex}'s ${outputLabel(output)} cannot be regenerated while it runs: the session is not waiting in that round (${now}).`;
    }
    const refused = at.refusal ? at.refusal(output) : "Nothing can be regenerated at this pause.";
    if (refused) return refused;
    const waiting = this.waiting;
    if (!waiting) {
      this.regenerations.push(regeneration);
      return null;
    }
    this.remaking = { pause: waiting.pause, refusal: waiting.refusal, output, by: regeneration.by };
    waiting.resolve(regeneration);
    return null;
  }

  private settle(waiting: Waiting, command: SteeringAnswer["command"], by: Steerer): void {
    this.answered.set(`${waiting.pause.roundIndex}:${waiting.pause.point}`, by.name);
    waiting.resolve({ command, by });
  }
}
