import "server-only";
import { AppError } from "@/lib/errors";
import { WireEncoder } from "@/lib/live/live-wire";
import {
  buildSessionConfig,
  type CallSettings,
  callSettingsSchema,
  cleanOutput,
  contextOf,
  createEmitter,
  DEFAULT_CALL_SETTINGS,
  MemorySessionStore,
  parseClientReply,
} from "@/lib/pipeline";
import { type CallSpec, runAgentCall } from "@/lib/pipeline/call";
import {
  type PromptRole,
  type RenderedPrompt,
  renderPrompt,
  templateFromText,
  withPreviousSession,
} from "@/lib/prompts";
import { type AgentKind, isProviderConfigured, listAvailableModels, type ModelRef } from "@/lib/providers";
import { type PlaygroundRunRequest, sampleCallId } from "./schema";
import type { PlaygroundCall } from "./source";

/**
 * N samples of a stored call's prompt, rendered from its inputs with the given template, streamed as
 * the session's live wire streams calls (lib/live/live-wire.ts), sample n as call `sample-<n>`. Nothing
 * is written to the database: the samples live in this response only, and the session is only read.
 * The prompt is rendered before the stream opens, so a template that cannot be rendered is a 400.
 */
export function openPlaygroundRun(
  call: PlaygroundCall,
  request: PlaygroundRunRequest,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  assertModelOffered(request.model);
  const prompt = renderEdited(call, request.template);
  const setup = { model: request.model, settings: settingsOf(call, request.temperature) };
  const config = buildSessionConfig({ retry: { maxAttempts: 1 } });
  const wire = new WireEncoder();
  const bytes = new TextEncoder();
  const sessionId = `playground:${call.source.call.id}`;
  const store = new MemorySessionStore();
  // Closed when the samples are done, the client goes away or stops reading; later events are dropped.
  let open = true;
  const stop = new AbortController();
  const aborted = AbortSignal.any([signal, stop.signal]);
  return new ReadableStream<Uint8Array>({
    cancel() {
      open = false;
      stop.abort();
    },
    async start(controller) {
      const close = () => {
        if (open) controller.close();
        open = false;
      };
      aborted.addEventListener("abort", close, { once: true });
      const send = createEmitter(sessionId, (event) => {
        const line = wire.event(event);
        if (open && line) controller.enqueue(bytes.encode(line));
      });
      const spec: Omit<CallSpec, "signal"> = {
        prompt,
        agent: agentOf(call.role),
        setup,
        roundIndex: call.source.call.roundIndex,
        clean: cleanerOf(call.role),
        acceptEmpty: (raw) => call.role === "client" && parseClientReply(raw).endRequested,
      };
      const samples = Array.from({ length: request.samples }, (_, i) =>
        runAgentCall(
          { ...contextOf({ sessionId, config, store }, send), newId: () => sampleCallId(i + 1) },
          { ...spec, signal: aborted },
        ),
      );
      // A failed sample has said so on the stream (call-failed); the others go on.
      await Promise.allSettled(samples);
      close();
    },
  });
}

function renderEdited(call: PlaygroundCall, text: string): RenderedPrompt {
  const version = call.source.call.promptVersion ?? 1;
  const prompt = {
    ...renderPrompt(templateFromText(call.role, version, text), call.values),
    role: call.role,
  };
  return call.previousSession === null
    ? prompt
    : { ...withPreviousSession(prompt, call.previousSession), role: call.role };
}

/** The stored call's settings with the chosen temperature. */
function settingsOf(call: PlaygroundCall, temperature: number): CallSettings {
  const stored = callSettingsSchema.safeParse(call.settings);
  return { ...(stored.success ? stored.data : DEFAULT_CALL_SETTINGS), structuredOutput: false, temperature };
}

/** Only models the configured providers offer (the simulator plays any name), as for sessions. */
function assertModelOffered(model: ModelRef): void {
  const offered = listAvailableModels().some(
    (m) => m.provider === model.provider && m.modelId === model.modelId,
  );
  if (isProviderConfigured(model.provider) && (model.provider === "offline" || offered)) return;
  throw new AppError("validation", `${model.modelId} is not offered by provider ${model.provider}`, [
    { field: "model.modelId", message: `not offered by ${model.provider}` },
  ]);
}

function agentOf(role: PromptRole): AgentKind {
  if (role.startsWith("specialist:")) return "specialist";
  if (role.startsWith("counselor:")) return "counselor";
  return role as AgentKind;
}

/** The engine's cleaning for the role (lib/pipeline/agents.ts), so a sample reads as the stored output. */
function cleanerOf(role: PromptRole): (raw: string) => string {
  if (role === "planner" || role === "selector") return (raw) => raw.trim();
  if (role === "client") return (raw) => parseClientReply(raw).text;
  return cleanOutput;
}
