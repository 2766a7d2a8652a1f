import "server-only";
import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { PipelineEvent } from "@/lib/pipeline/events";
import { type Steerer, type SteeringCommand, steeringCommandSchema } from "@/lib/pipeline/steering";

// Pipeline events travel between processes through PostgreSQL itself (LISTEN/NOTIFY): whoever runs
// a session (the web app, `npm run generate`, a worker on another machine) publishes; every web
// process listens and fans events out to the browsers watching that session. Stored rows stay the
// source of truth: a watcher that connects late or loses events starts again from a snapshot.
// The publisher itself lives in event-publisher.ts; this file is the messages and their encoding.

export const EVENTS_CHANNEL = "magnet_session_events";
export const CONTROL_CHANNEL = "magnet_session_control";

/** NOTIFY payloads must stay under 8000 bytes; a bigger message travels in parts. */
export const MAX_PAYLOAD_BYTES = 7_900;
/**
 * Characters per part: JSON escapes one UTF-16 unit into at most 6 bytes (a control character), so
 * 1,200 units plus the part's envelope always fit in a payload.
 */
const PART_UNITS = 1_200;

export type ResyncNotice = { type: "resync"; sessionId: string };
/**
 * A run's answer to a control request, so the web process that asked knows it arrived; a steering
 * request is answered by its id, and `refused` says why the run could not apply it.
 */
export type ControlAck = {
  type: "control-ack";
  sessionId: string;
  action: ControlAction;
  requestId?: string;
  refused?: string;
};
export type BusMessage = PipelineEvent | ResyncNotice | ControlAck;

/** Stop now, pause after the round, or a person's steering command for the round in progress. */
export type ControlMessage =
  | { sessionId: string; action: "stop" | "pause" }
  | { sessionId: string; action: "steer"; requestId: string; command: SteeringCommand; by: Steerer };
export type ControlAction = ControlMessage["action"];

interface Part {
  part: string;
  i: number;
  of: number;
  data: string;
}

/** The NOTIFY payloads of one message: one, or its JSON cut into parts sent one after another. */
export function encodeBusMessage(message: BusMessage): string[] {
  const payload = JSON.stringify(message);
  if (Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES) return [payload];
  const pieces = splitUnits(payload, PART_UNITS);
  const id = randomBytes(8).toString("hex");
  return pieces.map((data, i) => JSON.stringify({ part: id, i, of: pieces.length, data } satisfies Part));
}

/** Cuts text into pieces of at most `size` UTF-16 units without splitting a surrogate pair. */
function splitUnits(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}

/**
 * Turns NOTIFY payloads back into messages, joining parts. Parts of one message come in order from
 * one connection; parts of different messages may interleave (several publishers), hence the ids.
 */
export class BusDecoder {
  private readonly parts = new Map<string, string[]>();

  decode(payload: string): BusMessage | null {
    const value = parseJson(payload);
    if (isPart(value)) return this.addPart(value);
    return isBusMessage(value) ? value : null;
  }

  /** Messages cut short (a publisher that died mid-message) are forgotten. */
  clear(): void {
    this.parts.clear();
  }

  private addPart(part: Part): BusMessage | null {
    const pieces = this.parts.get(part.part) ?? [];
    if (pieces.length !== part.i) {
      this.parts.delete(part.part);
      return null;
    }
    pieces.push(part.data);
    if (pieces.length < part.of) {
      this.parts.set(part.part, pieces);
      return null;
    }
    this.parts.delete(part.part);
    const value = parseJson(pieces.join(""));
    return isBusMessage(value) ? value : null;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isPart(value: unknown): value is Part {
  return (
    isRecord(value) &&
    typeof value.part === "string" &&
    typeof value.data === "string" &&
    Number.isInteger(value.i) &&
    Number.isInteger(value.of)
  );
}

// Our own publishers write these payloads; the check guards against other writers on the channel.
function isBusMessage(value: unknown): value is BusMessage {
  return isRecord(value) && typeof value.type === "string" && typeof value.sessionId === "string";
}

/** Asks whichever process runs `sessionId` to stop or pause it. */
export async function sendControl(pool: pg.Pool, message: ControlMessage): Promise<void> {
  await pool.query("SELECT pg_notify($1, $2)", [CONTROL_CHANNEL, JSON.stringify(message)]);
}

export function parseControl(payload: string): ControlMessage | null {
  const value = parseJson(payload);
  if (!isRecord(value) || typeof value.sessionId !== "string") return null;
  if (value.action === "stop" || value.action === "pause") {
    return { sessionId: value.sessionId, action: value.action };
  }
  if (value.action !== "steer" || typeof value.requestId !== "string" || !isSteerer(value.by)) return null;
  const command = steeringCommandSchema.safeParse(value.command);
  if (!command.success) return null;
  const { sessionId, requestId, by } = value;
  return { sessionId, action: "steer", requestId, command: command.data, by };
}

function isSteerer(value: unknown): value is Steerer {
  return (
    isRecord(value) &&
    typeof value.name === "string" &&
    (value.userId === null || typeof value.userId === "string")
  );
}
