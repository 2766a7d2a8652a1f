import type { CallOptionsV4, GenerateResultV4, LanguageModelV4, StreamPartV4, UsageV4 } from "../model-types";
import { sleep } from "../sleep";
import { readPrompt } from "./prompt-reading";
import { writeAnswer } from "./write";

export const SIMULATOR_PROVIDER = "offline";
export const SIMULATOR_MODEL_ID = "offline-simulator";

export interface SimulatorOptions {
  /** Always contains "offline-simulator"; other ids are prefixed with it. */
  modelId?: string;
  /** Delay before the first token. */
  latencyMs?: number;
  /** Pace of the tokens after the first; 0 or less streams them all at once. */
  tokensPerSecond?: number;
  /** Round from which the simulated client ends the session with [/END]; null = never. */
  endRound?: number | null;
}

export const SIMULATOR_DEFAULTS = { latencyMs: 200, tokensPerSecond: 120 };

/** The built-in offline model: a LanguageModelV4 that writes role-appropriate text without any network. */
export function createOfflineSimulator(options: SimulatorOptions = {}): LanguageModelV4 {
  const latencyMs = options.latencyMs ?? SIMULATOR_DEFAULTS.latencyMs;
  const tokensPerSecond = options.tokensPerSecond ?? SIMULATOR_DEFAULTS.tokensPerSecond;
  const endRound = options.endRound ?? null;
  const answer = (call: CallOptionsV4) => {
    const reading = readPrompt(call.prompt);
    const text = writeAnswer(reading, { json: call.responseFormat?.type === "json", endRound });
    const tokens = limitTokens(tokensOf(text), call.maxOutputTokens);
    const inputTokens = Math.ceil((reading.system.length + reading.user.length) / 4);
    return { tokens, usage: usageOf(inputTokens, tokens.tokens.length) };
  };
  return {
    specificationVersion: "v4",
    provider: SIMULATOR_PROVIDER,
    modelId: simulatorModelId(options.modelId),
    supportedUrls: {},
    async doGenerate(call): Promise<GenerateResultV4> {
      const { tokens, usage } = answer(call);
      await sleep(latencyMs + paceMs(tokens.tokens.length, tokensPerSecond), call.abortSignal);
      return {
        content: [{ type: "text", text: tokens.tokens.join("") }],
        finishReason: finishReasonOf(tokens.truncated),
        usage,
        warnings: [],
      };
    },
    async doStream(call) {
      const { tokens, usage } = answer(call);
      const pacing = { latencyMs, tokensPerSecond };
      return { stream: streamTokens(tokens, usage, pacing, call.abortSignal) };
    },
  };
}

export function simulatorModelId(modelId?: string): string {
  if (!modelId) return SIMULATOR_MODEL_ID;
  return modelId.includes(SIMULATOR_MODEL_ID) ? modelId : `${SIMULATOR_MODEL_ID}/${modelId}`;
}

interface Tokens {
  tokens: string[];
  truncated: boolean;
}

function tokensOf(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

function limitTokens(tokens: string[], max: number | undefined): Tokens {
  if (max === undefined || tokens.length <= max) return { tokens, truncated: false };
  return { tokens: tokens.slice(0, max), truncated: true };
}

function usageOf(input: number, output: number): UsageV4 {
  return {
    inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: output, text: output, reasoning: 0 },
  };
}

function finishReasonOf(truncated: boolean) {
  return truncated
    ? { unified: "length" as const, raw: "length" }
    : { unified: "stop" as const, raw: "stop" };
}

function paceMs(count: number, tokensPerSecond: number): number {
  return tokensPerSecond > 0 ? ((count - 1) * 1000) / tokensPerSecond : 0;
}

/** Timers shorter than this are batched: several tokens go out per tick. */
const MIN_TICK_MS = 16;

function streamTokens(
  { tokens, truncated }: Tokens,
  usage: UsageV4,
  pacing: { latencyMs: number; tokensPerSecond: number },
  signal: AbortSignal | undefined,
): ReadableStream<StreamPartV4> {
  const perTick =
    pacing.tokensPerSecond > 0
      ? Math.max(1, Math.ceil((pacing.tokensPerSecond * MIN_TICK_MS) / 1000))
      : tokens.length;
  const tickMs = pacing.tokensPerSecond > 0 ? (perTick * 1000) / pacing.tokensPerSecond : 0;
  return new ReadableStream<StreamPartV4>({
    async start(controller) {
      try {
        controller.enqueue({ type: "stream-start", warnings: [] });
        await sleep(pacing.latencyMs, signal);
        controller.enqueue({ type: "text-start", id: "text" });
        for (let i = 0; i < tokens.length; i += perTick) {
          if (i > 0) await sleep(tickMs, signal);
          controller.enqueue({
            type: "text-delta",
            id: "text",
            delta: tokens.slice(i, i + perTick).join(""),
          });
        }
        controller.enqueue({ type: "text-end", id: "text" });
        controller.enqueue({ type: "finish", usage, finishReason: finishReasonOf(truncated) });
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
