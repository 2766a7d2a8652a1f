import { experimental_streamLanguageModelCall, type LanguageModel, type OutputInterface } from "ai";
import type { SpecialistTechnique } from "@/lib/cbt/techniques";
import { AppError } from "@/lib/errors";
import type { RenderedPrompt } from "@/lib/prompts";
import type { AgentKind, ModelRef } from "@/lib/providers";
import { sleep } from "@/lib/providers/sleep";
import type { Emit } from "./events";
import { CallTimeoutError, EmptyOutputError, errorMessage, isRetryable, retryDelayMs } from "./retry";
import type { Steering } from "./steering";
import type { SessionStore } from "./store";
import type { AgentCallRecord, AgentCallStatus, AgentSetup, SessionConfig, Usage } from "./types";

export type ModelResolver = (ref: ModelRef) => LanguageModel;

/** What every agent call needs from the running session. */
export interface RunContext {
  sessionId: string;
  config: SessionConfig;
  store: SessionStore;
  emit: Emit;
  models: ModelResolver;
  random: () => number;
  newId: () => string;
  /** Whoever may steer the run; without it no round waits for a person. */
  steering?: Steering;
}

export interface CallSpec {
  prompt: RenderedPrompt;
  agent: AgentKind;
  /** Model and settings of a call that is not one of the session's agents (a judge); else the agent's. */
  setup?: AgentSetup;
  technique?: SpecialistTechnique;
  roundIndex: number | null;
  /**
   * Raw text → the agent's output; an empty result is retried unless `acceptEmpty` says otherwise. It may
   * throw MalformedOutputError: the attempt is recorded as failed and retried.
   */
  clean: (raw: string) => string;
  acceptEmpty?: (raw: string) => boolean;
  /** Structured output to request, when the agent's settings allow it. */
  output?: OutputInterface;
  /** Aborts the call: the session's signal, possibly joined with the round's. */
  signal: AbortSignal;
  /** Attempts already stored for this output (a regenerated output continues their numbering). */
  priorAttempts?: number;
}

export interface CallResult {
  callId: string;
  rawText: string;
  text: string;
  usage: Usage;
  latencyMs: number;
  attempt: number;
}

/** The call was aborted from outside (session stopped or round given up); not a failure of the model. */
export class CallCancelledError extends Error {
  constructor() {
    super("The call was cancelled");
    this.name = "CallCancelledError";
  }
}

/** The model's failure (the provider's error after retries, or a cancelled call), not the app's. */
export function isModelFailure(error: unknown): boolean {
  return error instanceof CallCancelledError || (error instanceof AppError && error.code === "provider");
}

type AttemptOutcome = { ok: true; result: CallResult } | { ok: false; error: unknown; cancelled: boolean };

/** Streams one agent call, retrying transient failures with backoff; every attempt is emitted and saved. */
export async function runAgentCall(ctx: RunContext, spec: CallSpec): Promise<CallResult> {
  const { maxAttempts } = ctx.config.retry;
  const prior = spec.priorAttempts ?? 0;
  for (let attempt = 1; ; attempt++) {
    const outcome = await runAttempt(ctx, spec, prior + attempt);
    if (outcome.ok) return outcome.result;
    if (outcome.cancelled) throw new CallCancelledError();
    if (!isRetryable(outcome.error) || attempt >= maxAttempts) {
      const message = `${spec.prompt.role} failed after ${attempt} attempt(s): ${errorMessage(outcome.error)}`;
      throw new AppError("provider", message, [
        { field: spec.prompt.role, message: errorMessage(outcome.error) },
      ]);
    }
    try {
      await sleep(retryDelayMs(attempt, ctx.config.retry, ctx.random), spec.signal);
    } catch {
      throw new CallCancelledError();
    }
  }
}

async function runAttempt(ctx: RunContext, spec: CallSpec, attempt: number): Promise<AttemptOutcome> {
  const setup = setupOf(ctx, spec);
  const callId = ctx.newId();
  const startedAt = new Date();
  ctx.emit({
    type: "call-started",
    callId,
    role: spec.prompt.role,
    ...(spec.technique ? { technique: spec.technique } : {}),
    roundIndex: spec.roundIndex,
    provider: setup.model.provider,
    modelId: setup.model.modelId,
    attempt,
  });
  const streamed = await streamAttempt(ctx, spec, callId);
  const latencyMs = Date.now() - startedAt.getTime();
  const outcome = judge(spec, streamed);
  const record: AgentCallRecord = {
    id: callId,
    sessionId: ctx.sessionId,
    roundIndex: spec.roundIndex,
    role: spec.prompt.role,
    technique: spec.technique ?? null,
    provider: setup.model.provider,
    modelId: setup.model.modelId,
    settings: setup.settings,
    promptRole: spec.prompt.role,
    promptVersion: spec.prompt.version,
    promptMessages: spec.prompt.messages,
    rawOutput: streamed.rawText || null,
    cleanedOutput: outcome.ok ? outcome.text : null,
    tokensIn: streamed.usage.inputTokens,
    tokensOut: streamed.usage.outputTokens,
    latencyMs,
    attempt,
    status: statusOf(outcome),
    error: outcome.ok ? null : errorMessage(outcome.error),
    startedAt,
    finishedAt: new Date(),
  };
  await ctx.store.saveAgentCall(record);
  if (outcome.ok) {
    const result = {
      callId,
      rawText: streamed.rawText,
      text: outcome.text,
      usage: streamed.usage,
      latencyMs,
      attempt,
    };
    ctx.emit({
      type: "call-finished",
      callId,
      text: result.text,
      rawText: result.rawText,
      usage: result.usage,
      latencyMs,
    });
    return { ok: true, result };
  }
  const willRetry =
    !outcome.cancelled &&
    isRetryable(outcome.error) &&
    attempt - (spec.priorAttempts ?? 0) < ctx.config.retry.maxAttempts;
  ctx.emit({
    type: "call-failed",
    callId,
    error: record.error ?? "failed",
    willRetry,
    attempt,
    cancelled: outcome.cancelled,
  });
  return outcome;
}

function setupOf(ctx: RunContext, spec: CallSpec): AgentSetup {
  return spec.setup ?? ctx.config.agents[spec.agent];
}

type Judged = { ok: true; text: string } | { ok: false; error: unknown; cancelled: boolean };

function judge(spec: CallSpec, streamed: Streamed): Judged {
  if (spec.signal.aborted) return { ok: false, error: new CallCancelledError(), cancelled: true };
  if (streamed.error !== undefined) return { ok: false, error: streamed.error, cancelled: false };
  let text: string;
  try {
    text = spec.clean(streamed.rawText);
  } catch (error) {
    return { ok: false, error, cancelled: false };
  }
  if (!text && !spec.acceptEmpty?.(streamed.rawText)) {
    return { ok: false, error: new EmptyOutputError(), cancelled: false };
  }
  return { ok: true, text };
}

function statusOf(outcome: Judged): AgentCallStatus {
  if (outcome.ok) return "succeeded";
  return outcome.cancelled ? "cancelled" : "failed";
}

interface Streamed {
  rawText: string;
  usage: Usage;
  error?: unknown;
}

/**
 * Runs one model call (no SDK retries: every attempt is ours, so it can be seen and recorded). The
 * SDK's single-call stream, not streamText: an agent call is one step without tools read by one
 * consumer, and streamText's step loop, replay tee and extra stream stages cost about as much CPU per
 * call as the provider's own streaming (measured: 7.7 against 4.9 ms a 16-token call). The API is
 * experimental: `ai` is pinned, and an upgrade must pass lib/pipeline's and lib/runs' tests.
 */
async function streamAttempt(ctx: RunContext, spec: CallSpec, callId: string): Promise<Streamed> {
  const { model: ref, settings } = setupOf(ctx, spec);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new CallTimeoutError(settings.timeoutMs)), settings.timeoutMs);
  const streamed: Streamed = { rawText: "", usage: { inputTokens: null, outputTokens: null } };
  try {
    const { stream } = await experimental_streamLanguageModelCall({
      model: ctx.models(ref),
      messages: spec.prompt.messages,
      allowSystemInMessages: true,
      temperature: settings.temperature,
      maxOutputTokens: settings.maxOutputTokens,
      abortSignal: AbortSignal.any([spec.signal, timeout.signal]),
      ...(spec.output && settings.structuredOutput ? { output: spec.output } : {}),
    });
    for await (const part of stream) {
      if (part.type === "text-delta" && part.text) {
        streamed.rawText += part.text;
        ctx.emit({ type: "call-delta", callId, delta: part.text });
      } else if (part.type === "model-call-end") {
        streamed.usage = {
          inputTokens: part.usage.inputTokens ?? null,
          outputTokens: part.usage.outputTokens ?? null,
        };
      } else if (part.type === "error") {
        streamed.error = part.error;
        break;
      }
    }
  } catch (error) {
    // A refused request (HTTP error) or a cut stream; an abort from outside is judged by its signal.
    streamed.error = error;
  } finally {
    clearTimeout(timer);
  }
  if (timeout.signal.aborted && !spec.signal.aborted) streamed.error = timeout.signal.reason;
  return streamed;
}
