// The wire format of a session's live stream: one line per message over one streamed HTTP response.
// Why not SSE or AI SDK data parts: a streamed token is ~5 bytes; SSE framing ("data: …\n\n" plus an
// event object) costs several times that per token, and data parts replace a part's whole data on
// every update. Here a delta is `n:text` (3 bytes of framing; `n=` + a JSON string when the text
// holds a line break), n a per-connection number of the call; other events are JSON objects that name
// calls by that number, leave out what the client can derive (the session id, a specialist's
// technique, a model that did not change) and never resend text the client already holds.
// Lines: {"k":"snapshot",…} first, then deltas, pipeline events {"type":…} and {"k":"resync"}.

import type { PipelineEvent } from "@/lib/pipeline/events";
import { COUNSELOR_ROLES, type LiveSession } from "./live-state";

type Finished = Extract<PipelineEvent, { type: "call-finished" }>;
type RoundCompleted = Extract<PipelineEvent, { type: "round-completed" }>;
type WireObject = Record<string, unknown>;

export type ControlLine =
  | { k: "snapshot"; state: LiveSession; numbers: Record<string, number> }
  | { k: "resync"; after?: number };

/** Roles whose cleaned text becomes the round's counselor or client reply. */

/**
 * What both ends know about the calls of one connection: numbers, streamed text, the last model,
 * and the final text of each round's reply-producing calls. Encoder and decoder keep it in step.
 */
class WireMemory {
  private nextNumber = 1;
  readonly numbers = new Map<string, number>();
  readonly callIds = new Map<number, string>();
  readonly streamed = new Map<string, string>();
  private readonly roles = new Map<string, { role: string; roundIndex: number | null }>();
  private readonly replies = new Map<string, string>();
  /** Streamed text of the calls finished since the last plan or round: selections and plans quote it. */
  private readonly finished = new Map<number, string>();
  model = { provider: "", modelId: "" };

  track(callId: string, role: string, roundIndex: number | null, text: string, n?: number): number {
    const number = n ?? this.numbers.get(callId) ?? this.nextNumber++;
    this.numbers.set(callId, number);
    this.callIds.set(number, callId);
    this.streamed.set(callId, text);
    this.roles.set(callId, { role, roundIndex });
    this.nextNumber = Math.max(this.nextNumber, number + 1);
    return number;
  }

  finish(callId: string, text: string): void {
    const call = this.roles.get(callId);
    const n = this.numbers.get(callId);
    const streamed = this.streamed.get(callId);
    if (n !== undefined && streamed) this.finished.set(n, streamed);
    this.streamed.delete(callId);
    if (!call || call.roundIndex === null) return;
    if (COUNSELOR_ROLES.includes(call.role)) this.replies.set(`${call.roundIndex}:counselor`, text);
    if (call.role === "client") this.replies.set(`${call.roundIndex}:client`, text);
  }

  reply(roundIndex: number, speaker: "counselor" | "client"): string | undefined {
    return this.replies.get(`${roundIndex}:${speaker}`);
  }

  /** Where `text` stands in a finished call's streamed text: [call number, start, end]. */
  quote(text: string | null | undefined): Quote | undefined {
    if (!text) return undefined;
    // As written, or JSON-escaped inside a structured answer (the selector's JSON).
    const escaped = JSON.stringify(text).slice(1, -1);
    for (const [n, streamed] of this.quotable()) {
      const at = streamed.indexOf(text);
      if (at >= 0) return [n, at, at + text.length];
      const inJson = streamed.indexOf(escaped);
      if (inJson >= 0) return [n, inJson, inJson + escaped.length, 1];
    }
    return undefined;
  }

  /** Finished calls' text, then that of calls still streaming (a selection can precede its call's end). */
  private *quotable(): Generator<[number, string]> {
    yield* this.finished;
    for (const [callId, streamed] of this.streamed) {
      const n = this.numbers.get(callId);
      if (n !== undefined) yield [n, streamed];
    }
  }

  unquote(quote: unknown): string | undefined {
    if (!Array.isArray(quote) || quote.length < 3) return undefined;
    const [n, start, end, json] = quote;
    if (typeof n !== "number" || typeof start !== "number" || typeof end !== "number") return undefined;
    for (const [number, streamed] of this.quotable()) {
      if (number !== n) continue;
      const text = streamed.slice(start, end);
      return json === 1 ? parseJsonString(text) : text;
    }
    return undefined;
  }

  /** A plan or a round is complete: what it quoted is not needed any more. */
  forgetFinished(): void {
    this.finished.clear();
  }
}

/** [call number, start, end], and 1 when the text stands JSON-escaped in the call's text. */
type Quote = [number, number, number] | [number, number, number, 1];

function parseJsonString(escaped: string): string | undefined {
  try {
    const value: unknown = JSON.parse(`"${escaped}"`);
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Encodes outgoing lines for one connection. */
export class WireEncoder {
  private readonly memory = new WireMemory();

  snapshot(state: LiveSession): string {
    const numbers: Record<string, number> = {};
    for (const call of Object.values(state.calls)) {
      if (call.status === "running") {
        numbers[call.id] = this.memory.track(call.id, call.role, call.roundIndex, call.text);
      }
    }
    return line({ k: "snapshot", state, numbers });
  }

  event(event: PipelineEvent): string {
    // One connection is one session, and only a call's start time is shown.
    const { sessionId: _sessionId, seq: _seq, timestamp: _timestamp, ...body } = event;
    switch (event.type) {
      case "call-delta":
        return this.delta(event.callId, event.delta);
      case "call-started":
        return line(this.started(event));
      case "call-finished":
        return line(this.byNumber(event.callId, this.finished(event, body)));
      case "call-failed":
        return line(this.byNumber(event.callId, body));
      case "round-completed": {
        const round = this.roundWithoutKnownText(event);
        this.memory.forgetFinished();
        return line({ ...body, round });
      }
      case "selection-made":
        return line(this.quoted(body, "rationale", event.rationale));
      // A person's change shows when it was made.
      case "steering-applied":
      case "output-regenerated":
        return line({ ...body, timestamp: event.timestamp });
      case "plan-ready": {
        const quoted = this.quoted(body, "plan", event.plan);
        this.memory.forgetFinished();
        return line(quoted);
      }
      default:
        return line(body);
    }
  }

  /** Replaces a field whose text the client already holds (a finished call's) by a quote of it. */
  private quoted(body: WireObject, field: string, text: string | null): WireObject {
    const quote = this.memory.quote(text);
    if (!quote) return body;
    const { [field]: _text, ...rest } = body;
    return { ...rest, [`${field}Q`]: quote };
  }

  /** Tells the client to reconnect for a fresh snapshot, `after` ms from now (spreads reconnects). */
  resync(after = 0): string {
    return line({ k: "resync", after });
  }

  private delta(callId: string, delta: string): string {
    const n = this.memory.numbers.get(callId);
    const streamed = this.memory.streamed.get(callId);
    if (n === undefined || streamed === undefined) return "";
    this.memory.streamed.set(callId, streamed + delta);
    return /[\r\n]/.test(delta) ? `${n}=${JSON.stringify(delta)}\n` : `${n}:${delta}\n`;
  }

  private started(event: Extract<PipelineEvent, { type: "call-started" }>): WireObject {
    const n = this.memory.track(event.callId, event.role, event.roundIndex, "");
    const { provider, modelId } = event;
    const sameModel = this.memory.model.provider === provider && this.memory.model.modelId === modelId;
    this.memory.model = { provider, modelId };
    return {
      type: event.type,
      id: event.callId,
      n,
      role: event.role,
      roundIndex: event.roundIndex,
      ...(event.attempt === 1 ? {} : { attempt: event.attempt }),
      ...(sameModel ? {} : { provider, modelId }),
    };
  }

  private byNumber(callId: string, body: WireObject): WireObject {
    const { callId: _callId, ...rest } = body;
    return { ...rest, n: this.memory.numbers.get(callId) ?? -1 };
  }

  /**
   * The cleaned text is usually the streamed text or a slice of it (prefix, quotes, spaces removed);
   * usage travels as [in, out].
   */
  private finished(event: Finished, body: WireObject): WireObject {
    const streamed = this.memory.streamed.get(event.callId);
    this.memory.finish(event.callId, event.text);
    const { text: _text, rawText: _raw, usage: _usage, ...rest } = body;
    const compact = { ...rest, usage: [event.usage.inputTokens, event.usage.outputTokens] };
    if (streamed === event.text) return compact;
    const at = streamed === undefined || !event.text ? -1 : streamed.indexOf(event.text);
    if (at >= 0) return { ...compact, slice: [at, at + event.text.length] };
    return { ...compact, text: event.text };
  }

  private roundWithoutKnownText(event: RoundCompleted) {
    const { round } = event;
    const { sessionId: _sessionId, ...rest } = round;
    const counselor = this.memory.reply(round.index, "counselor") === round.counselorReply;
    const client = this.memory.reply(round.index, "client") === round.clientReply;
    const rationale = this.memory.quote(round.selectionRationale);
    return {
      ...rest,
      counselorReply: counselor ? undefined : round.counselorReply,
      clientReply: client ? undefined : round.clientReply,
      ...(rationale ? { selectionRationale: undefined, selectionRationaleQ: rationale } : {}),
    };
  }
}

function line(value: WireObject | ControlLine): string {
  return `${JSON.stringify(value)}\n`;
}

export type Decoded =
  | { kind: "snapshot"; state: LiveSession }
  | { kind: "event"; event: PipelineEvent }
  | { kind: "resync"; after: number };

/** Decodes lines back into snapshots and pipeline events, restoring what the encoder left out. */
export class WireDecoder {
  private readonly memory = new WireMemory();
  private sessionId = "";

  decode(text: string): Decoded | null {
    if (!text.trim()) return null;
    if (text[0] !== "{") return this.delta(text);
    const value = JSON.parse(text) as WireObject;
    if (value.k === "resync")
      return { kind: "resync", after: typeof value.after === "number" ? value.after : 0 };
    if (value.k === "snapshot") return this.snapshot(value as Extract<ControlLine, { k: "snapshot" }>);
    return { kind: "event", event: this.restore(value) };
  }

  private snapshot(value: Extract<ControlLine, { k: "snapshot" }>): Decoded {
    this.sessionId = value.state.id;
    for (const [callId, n] of Object.entries(value.numbers)) {
      const call = value.state.calls[callId];
      this.memory.track(callId, call?.role ?? "", call?.roundIndex ?? null, call?.text ?? "", n);
    }
    return { kind: "snapshot", state: value.state };
  }

  private delta(text: string): Decoded | null {
    const at = text.search(/[:=]/);
    const callId = this.memory.callIds.get(Number(text.slice(0, at)));
    const streamed = callId === undefined ? undefined : this.memory.streamed.get(callId);
    if (callId === undefined || streamed === undefined) return null;
    const delta = text[at] === ":" ? text.slice(at + 1) : (JSON.parse(text.slice(at + 1)) as string);
    this.memory.streamed.set(callId, streamed + delta);
    return {
      kind: "event",
      event: { type: "call-delta", callId, delta, sessionId: this.sessionId, seq: 0, timestamp: 0 },
    };
  }

  private restore(body: WireObject): PipelineEvent {
    const common = { sessionId: this.sessionId, seq: 0, timestamp: 0 };
    if (body.type === "call-started") return this.started(body, common);
    const { n, ...rest } = body;
    const callId = n === undefined ? undefined : this.memory.callIds.get(n as number);
    const event = { ...common, ...rest, ...(callId ? { callId } : {}) } as unknown as PipelineEvent;
    if (event.type === "call-finished") {
      const streamed = this.memory.streamed.get(event.callId) ?? "";
      const slice = body.slice as [number, number] | undefined;
      const text =
        typeof body.text === "string" ? body.text : slice ? streamed.slice(slice[0], slice[1]) : streamed;
      const [inputTokens, outputTokens] = body.usage as [number | null, number | null];
      this.memory.finish(event.callId, text);
      return { ...event, text, rawText: streamed, usage: { inputTokens, outputTokens } };
    }
    if (event.type === "selection-made" && body.rationaleQ !== undefined) {
      return { ...event, rationale: this.memory.unquote(body.rationaleQ) ?? null };
    }
    if (event.type === "plan-ready" && body.planQ !== undefined) {
      const plan = this.memory.unquote(body.planQ) ?? "";
      this.memory.forgetFinished();
      return { ...event, plan };
    }
    if (event.type === "plan-ready") this.memory.forgetFinished();
    if (event.type === "round-completed") {
      const {
        selectionRationaleQ: quoted,
        ...round
      }: typeof event.round & { selectionRationaleQ?: unknown } = event.round;
      const rationale =
        quoted === undefined ? round.selectionRationale : (this.memory.unquote(quoted) ?? null);
      this.memory.forgetFinished();
      const client =
        round.clientReply === undefined ? this.memory.reply(round.index, "client") : round.clientReply;
      return {
        ...event,
        round: {
          ...round,
          sessionId: this.sessionId,
          // An omitted reply is the final text of the call that produced it; null stays null.
          counselorReply: round.counselorReply ?? this.memory.reply(round.index, "counselor") ?? "",
          clientReply: client ?? null,
          selectionRationale: rationale,
        },
      };
    }
    return event;
  }

  private started(
    body: WireObject,
    common: { sessionId: string; seq: number; timestamp: number },
  ): PipelineEvent {
    if (typeof body.modelId === "string" && typeof body.provider === "string") {
      this.memory.model = { provider: body.provider, modelId: body.modelId };
    }
    const role = body.role as string;
    const roundIndex = body.roundIndex as number | null;
    this.memory.track(body.id as string, role, roundIndex, "", body.n as number);
    const technique = role.startsWith("specialist:") ? role.slice("specialist:".length) : undefined;
    return {
      ...common,
      type: "call-started",
      callId: body.id as string,
      role,
      roundIndex,
      attempt: typeof body.attempt === "number" ? body.attempt : 1,
      ...this.memory.model,
      ...(technique ? { technique } : {}),
    } as PipelineEvent;
  }
}
