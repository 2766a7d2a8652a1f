import { z } from "zod";
import { SPECIALIST_TECHNIQUES, type SpecialistTechnique } from "@/lib/cbt/techniques";

// Steering a running session: where a round may wait for a person (pause points and seats), the ONE
// union of commands a person sends it, and what the engine records when a command changes something.
// Client-safe (the session page builds its commands from these schemas).

/** Where a round waits in step mode: after the selector, after the fuser, before the client answers. */
export const PAUSE_POINTS = ["selection", "counselor", "client"] as const;
export type PausePoint = (typeof PAUSE_POINTS)[number];

/** Who plays the turns: the agents, or a person in the client's or in the counselor's seat. */
export const SEATS = ["agents", "client", "counselor"] as const;
export type Seat = (typeof SEATS)[number];

/** Mirrors the InterventionKind enum of the schema. */
export const INTERVENTION_KINDS = [
  "selection_override",
  "counselor_edit",
  "counselor_written",
  "client_written",
  "output_regenerated",
] as const;
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];

/** The outputs of a round a person may have made again: one candidate, the selection, either reply. */
export const REGENERABLE_OUTPUTS = [
  "selection",
  "counselor",
  "client",
  ...SPECIALIST_TECHNIQUES.map((t) => `candidate:${t}` as const),
] as const;
export type RegenerableOutput = (typeof REGENERABLE_OUTPUTS)[number];
export const regenerableOutputSchema = z.enum(REGENERABLE_OUTPUTS);

export const steeringSettingsSchema = z
  .object({
    /** Step mode: the points where every round waits for a person; none by default. */
    pausePoints: z.array(z.enum(PAUSE_POINTS)).max(PAUSE_POINTS.length).default([]),
    seat: z.enum(SEATS).default("agents"),
  })
  .strict();
export type SteeringSettings = z.output<typeof steeringSettingsSchema>;
export const NO_STEERING: SteeringSettings = { pausePoints: [], seat: "agents" };

/** The pause points a seat needs whatever step mode says (a person must write that turn). */
export function seatPoint(seat: Seat): PausePoint | null {
  if (seat === "client") return "client";
  if (seat === "counselor") return "counselor";
  return null;
}

/**
 * What a session waits for, as stored on Session.awaiting (mirrors the SessionAwaiting enum of the
 * schema): a step-mode pause point, or the turn of the seat a person holds.
 */
export const SESSION_AWAITINGS = [
  "selection",
  "counselor",
  "client",
  "counselor_turn",
  "client_turn",
] as const;
export type SessionAwaiting = (typeof SESSION_AWAITINGS)[number];

/** What a round waiting at `pause` waits for: a seat's turn is written, a pause point reviewed. */
export function awaitingOf(pause: { point: PausePoint; seat: Seat }): SessionAwaiting {
  if (seatPoint(pause.seat) !== pause.point) return pause.point;
  return pause.point === "client" ? "client_turn" : "counselor_turn";
}

/**
 * The pause a stored `awaiting` stands for (awaitingOf's inverse). A seat's turn names its seat; a
 * review point does not, so it takes the session's `seat`, unless that seat would make it a turn.
 */
export function pauseOf(awaiting: SessionAwaiting, seat: Seat): { point: PausePoint; seat: Seat } {
  if (awaiting === "counselor_turn") return { point: "counselor", seat: "counselor" };
  if (awaiting === "client_turn") return { point: "client", seat: "client" };
  return { point: awaiting, seat: seatPoint(seat) === awaiting ? "agents" : seat };
}

const text = z
  .string()
  .max(8_000)
  .refine((value) => !value.includes("\u0000"), "must not contain NUL characters")
  .transform((value) => value.trim())
  .refine((value) => value !== "", "must not be empty");
const round = z.number().int().min(1).max(1_000);

/**
 * THE steering command. Each names the round and so the pause point it answers, so that a command
 * sent from a page that is behind never lands on another point. `continue` takes the agents' value
 * as it is; `run-to-end` also skips every later pause point of this run (a seat still waits).
 * `regenerate` answers no pause: the waiting round makes that output again and keeps waiting.
 */
export const steeringCommandSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("override-selection"),
      roundIndex: round,
      techniques: z.array(z.enum(SPECIALIST_TECHNIQUES)).min(1).max(SPECIALIST_TECHNIQUES.length),
    })
    .strict(),
  z
    .object({
      type: z.literal("write-counselor"),
      roundIndex: round,
      text,
      /** Suggestions (candidates) the person inserted before editing, in the order inserted. */
      inserted: z.array(z.enum(SPECIALIST_TECHNIQUES)).max(SPECIALIST_TECHNIQUES.length).default([]),
    })
    .strict(),
  z.object({ type: z.literal("write-client"), roundIndex: round, text }).strict(),
  z.object({ type: z.literal("continue"), roundIndex: round, point: z.enum(PAUSE_POINTS) }).strict(),
  z.object({ type: z.literal("run-to-end"), roundIndex: round }).strict(),
  z.object({ type: z.literal("regenerate"), roundIndex: round, output: regenerableOutputSchema }).strict(),
]);
export type SteeringCommand = z.output<typeof steeringCommandSchema>;

/** The point a command answers. */
export function pointOf(command: SteeringCommand): PausePoint | null {
  switch (command.type) {
    case "override-selection":
      return "selection";
    case "write-counselor":
      return "counselor";
    case "write-client":
      return "client";
    case "continue":
      return command.point;
    case "run-to-end":
    case "regenerate":
      return null;
  }
}

/** Who steered. */
export interface Steerer {
  userId: string | null;
  name: string;
}

/** A round waiting for a person. */
export interface Pause {
  roundIndex: number;
  point: PausePoint;
  /** The seat the round is played with: a seat's point cannot be continued without a person's text. */
  seat: Seat;
}

/**
 * A person's answer at a pause: the command (never run-to-end: the desk turns it into `continue`) and
 * who. A `regenerate` answer is handled by the round, which then waits at the same pause again.
 */
export interface SteeringAnswer {
  command: Exclude<SteeringCommand, { type: "run-to-end" }>;
  by: Steerer;
}

/**
 * What the engine asks of whoever steers the run. Without one (the default) no round ever waits and
 * the agents see exactly what they would without steering.
 */
export interface Steering {
  /** The settings for a round, read when it starts. */
  settingsFor(roundIndex: number): Promise<SteeringSettings>;
  /**
   * Waits for a person's answer at `pause`; rejects when `signal` aborts. `refusal` says why an output
   * cannot be regenerated at this pause (null: it can); without it nothing is regenerated here.
   */
  answer(pause: Pause, signal: AbortSignal, refusal?: RegenerationRefusal): Promise<SteeringAnswer>;
}

/** Why the waiting round cannot make `output` again now; null when it can. */
export type RegenerationRefusal = (output: RegenerableOutput) => string | null;

/** One change a person made: stored as an Intervention row. */
export interface InterventionRecord {
  sessionId: string;
  roundIndex: number;
  kind: InterventionKind;
  /** Null when no agent wrote the value (a person held the seat). */
  originalValue: string | SpecialistTechnique[] | null;
  newValue: string | SpecialistTechnique[];
  by: Steerer;
  detail?: { inserted?: SpecialistTechnique[]; output?: string };
}

/** What a committed round records about the people who steered it (absent: the agents played it all). */
export interface RoundSteering {
  seat: Seat;
  selectionOverridden: boolean;
  /** What the selector chose, when a person overrode it. */
  originalSelectedTechniques: SpecialistTechnique[];
  counselorEdited: boolean;
  /** The fuser's (or baseline counselor's) reply a person replaced; null when a person wrote the turn. */
  originalCounselorReply: string | null;
  clientEdited: boolean;
  originalClientReply: string | null;
}

export function unsteeredRound(seat: Seat): RoundSteering {
  return {
    seat,
    selectionOverridden: false,
    originalSelectedTechniques: [],
    counselorEdited: false,
    originalCounselorReply: null,
    clientEdited: false,
    originalClientReply: null,
  };
}

/**
 * The selector's answer as the fuser is given it after an override: the chosen keys on the line the
 * selector prompt asks for, so the fuser (and the selection parser) read exactly the person's choice.
 */
export function overriddenSelectorAnswer(techniques: readonly SpecialistTechnique[]): string {
  return `Techniques: ${techniques.join(", ")}`;
}
