import { Output } from "ai";
import type { SpecialistTechnique } from "@/lib/cbt/techniques";
import {
  type CandidateText,
  type PromptRole,
  type PromptVariables,
  renderPrompt,
  withPreviousSession,
} from "@/lib/prompts";
import { type CallResult, type RunContext, runAgentCall } from "./call";
import { cleanOutput } from "./clean";
import { parseClientReply } from "./client-reply";
import {
  baselineInputs,
  clientInputs,
  fuserInputs,
  plannerInputs,
  previousSessionInput,
  type SessionView,
  selectorInputs,
  specialistInputs,
} from "./inputs";
import { parsePlan } from "./plan";
import { parseSelection, type Selection, selectionSchema } from "./selection";
import type { PlanRecord, Usage } from "./types";

export type { SessionView } from "./inputs";

export interface AgentTurn {
  usage: Usage;
}

/** The key decides the role recorded, even if an edited template says otherwise. */
function render(ctx: RunContext, role: PromptRole, values: PromptVariables) {
  const prompt = { ...renderPrompt(ctx.config.prompts[role], values), role };
  const previous = previousSessionInput(role, ctx.config);
  return previous === null ? prompt : { ...withPreviousSession(prompt, previous), role };
}

const trimmed = (raw: string) => raw.trim();

export async function runPlanner(
  ctx: RunContext,
  view: SessionView,
  signal: AbortSignal,
): Promise<PlanRecord> {
  const prompt = render(ctx, "planner", plannerInputs(view, ctx.config));
  const call = await runAgentCall(ctx, {
    prompt,
    agent: "planner",
    roundIndex: null,
    clean: trimmed,
    signal,
  });
  return { sessionId: ctx.sessionId, ...parsePlan(call.text), ...tokensOf(call) };
}

export interface Candidate extends CandidateText, AgentTurn {}

export async function runSpecialist(
  ctx: RunContext,
  view: SessionView,
  technique: SpecialistTechnique,
  roundIndex: number,
  signal: AbortSignal,
  priorAttempts = 0,
): Promise<Candidate> {
  const prompt = render(ctx, `specialist:${technique}`, specialistInputs(view, ctx.config));
  const call = await runAgentCall(ctx, {
    prompt,
    agent: "specialist",
    technique,
    roundIndex,
    clean: cleanOutput,
    signal,
    priorAttempts,
  });
  return { technique, text: call.text, usage: call.usage };
}

export interface SelectionTurn extends Selection, AgentTurn {
  /** The answer as the selector wrote it (JSON under structured output); the fuser is given this. */
  answer: string;
}

export async function runSelector(
  ctx: RunContext,
  view: SessionView,
  roundIndex: number,
  signal: AbortSignal,
  priorAttempts = 0,
): Promise<SelectionTurn> {
  const prompt = render(ctx, "selector", selectorInputs(view));
  const output = Output.object({ schema: selectionSchema, name: "selection" });
  const call = await runAgentCall(ctx, {
    prompt,
    agent: "selector",
    roundIndex,
    clean: trimmed,
    output,
    signal,
    priorAttempts,
  });
  const selection = parseSelection(call.text);
  ctx.emit({ type: "selection-made", roundIndex, ...selection });
  return { ...selection, answer: call.text, usage: call.usage };
}

export interface TextTurn extends AgentTurn {
  text: string;
}

/** The fuser's prompt holds exactly the candidates it is given, in the fixed order of the five. */
export async function runFuser(
  ctx: RunContext,
  view: SessionView,
  candidates: readonly CandidateText[],
  selectorAnswer: string | null,
  roundIndex: number,
  signal: AbortSignal,
  priorAttempts = 0,
): Promise<TextTurn> {
  const prompt = render(ctx, "fuser", fuserInputs(view, candidates, selectorAnswer, ctx.config));
  const call = await runAgentCall(ctx, {
    prompt,
    agent: "fuser",
    roundIndex,
    clean: cleanOutput,
    signal,
    priorAttempts,
  });
  return { text: call.text, usage: call.usage };
}

export async function runBaselineCounselor(
  ctx: RunContext,
  view: SessionView,
  style: "cactus" | "psych8k",
  roundIndex: number,
  signal: AbortSignal,
  priorAttempts = 0,
): Promise<TextTurn> {
  const prompt = render(ctx, `counselor:${style}`, baselineInputs(view, style, ctx.config));
  const call = await runAgentCall(ctx, {
    prompt,
    agent: "counselor",
    roundIndex,
    clean: cleanOutput,
    signal,
    priorAttempts,
  });
  return { text: call.text, usage: call.usage };
}

export interface ClientTurn extends TextTurn {
  /** The client ended the session and the engine honours it (minRoundsBeforeEnd reached). */
  ended: boolean;
  endRequested: boolean;
}

/** `view.dialogue` must already end with this round's counselor message. */
export async function runClient(
  ctx: RunContext,
  view: SessionView,
  roundIndex: number,
  signal: AbortSignal,
  priorAttempts = 0,
): Promise<ClientTurn> {
  const prompt = render(ctx, "client", clientInputs(view, ctx.config));
  const honoursEnd = roundIndex >= ctx.config.minRoundsBeforeEnd;
  const call = await runAgentCall(ctx, {
    prompt,
    agent: "client",
    roundIndex,
    clean: (raw) => parseClientReply(raw).text,
    // "[/END]" alone is a complete goodbye, but only when the engine will end the session on it.
    acceptEmpty: (raw) => honoursEnd && parseClientReply(raw).endRequested,
    signal,
    priorAttempts,
  });
  const { endRequested } = parseClientReply(call.rawText);
  return { text: call.text, usage: call.usage, endRequested, ended: endRequested && honoursEnd };
}

function tokensOf(call: CallResult): { tokensIn: number; tokensOut: number } {
  return { tokensIn: call.usage.inputTokens ?? 0, tokensOut: call.usage.outputTokens ?? 0 };
}
