import type { LanguageModel } from "ai";

// The language-model spec types, derived from `ai` so that we need not depend on @ai-sdk/provider directly.

export type LanguageModelV4 = Extract<LanguageModel, { specificationVersion: "v4" }>;
export type CallOptionsV4 = Parameters<LanguageModelV4["doStream"]>[0];
export type StreamResultV4 = Awaited<ReturnType<LanguageModelV4["doStream"]>>;
export type GenerateResultV4 = Awaited<ReturnType<LanguageModelV4["doGenerate"]>>;
export type StreamPartV4 = StreamResultV4["stream"] extends ReadableStream<infer P> ? P : never;
export type UsageV4 = GenerateResultV4["usage"];
export type PromptV4 = CallOptionsV4["prompt"];
