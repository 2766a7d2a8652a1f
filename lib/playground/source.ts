import "server-only";
import type { ModelMessage } from "ai";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { previousSessionInput } from "@/lib/pipeline/inputs";
import {
  PROMPT_ROLES,
  type PromptRole,
  type PromptVariables,
  type RenderedPrompt,
  templateFromText,
  templateToText,
  withPreviousSession,
} from "@/lib/prompts";
import { listPromptVersionsByRole } from "@/lib/prompts/versions";
import { recoverPromptValues } from "./recover";
import type { PlaygroundSource } from "./schema";

/** A stored call, as the playground needs it to render and run its prompt again. */
export interface PlaygroundCall {
  role: PromptRole;
  source: Omit<PlaygroundSource, "versions">;
  values: PromptVariables;
  /** The call's stored settings (temperature, maxOutputTokens, timeoutMs). */
  settings: unknown;
  /** A follow-up session's summary, appended to the rendered prompt as the engine does. */
  previousSession: string | null;
}

/** A stored agent call with the inputs that produced it, read back through the template version it used. */
export async function getPlaygroundCallById({ id }: { id: string }): Promise<PlaygroundCall> {
  const call = await getDb().agentCall.findUnique({
    where: { id },
    include: {
      promptVersion: { select: { version: true, template: true } },
      session: { select: { config: true } },
    },
  });
  if (!call) throw notFound("Agent call", id);
  const role = PROMPT_ROLES.find((r) => r === call.role);
  if (!role) {
    throw new AppError(
      "unprocessable",
      `A ${call.role} call is not one of a session's agents: it has no playground`,
      [{ field: "id", message: `role ${call.role}` }],
    );
  }
  const messages = Array.isArray(call.promptMessages)
    ? (call.promptMessages as unknown as ModelMessage[])
    : [];
  const used = call.promptVersion;
  const stored = call.session.config as { previousSession?: string } | null;
  const previousSession = previousSessionInput(role, { previousSession: stored?.previousSession });
  const finish = (prompt: RenderedPrompt) =>
    previousSession === null ? prompt : withPreviousSession(prompt, previousSession);
  const template = used && templateFromText(role, used.version, used.template);
  const values = template ? recoverPromptValues(template, messages, finish) : null;
  const settings = call.settings as { temperature?: unknown } | null;
  return {
    role,
    values: values ?? {},
    settings: call.settings,
    // Only with recovered values is the template re-rendered; stored messages are run as they are.
    previousSession: values ? previousSession : null,
    source: {
      call: {
        id: call.id,
        sessionId: call.sessionId,
        roundIndex: call.roundIndex,
        role,
        provider: call.provider,
        modelId: call.modelId,
        temperature: typeof settings?.temperature === "number" ? settings.temperature : null,
        promptVersion: used?.version ?? null,
        output: call.cleanedOutput ?? call.rawOutput,
      },
      values: values ? (values as Record<string, string>) : null,
      previousSession: values ? previousSession : null,
      template: used && values ? used.template : templateToText(messageTexts(messages)),
    },
  };
}

/** What the playground page opens with: the call, its inputs and the role's versions to pick from. */
export async function getPlaygroundSourceById({ id }: { id: string }): Promise<PlaygroundSource> {
  const { role, source } = await getPlaygroundCallById({ id });
  const versions = await listPromptVersionsByRole({ role });
  return {
    ...source,
    versions: versions.map(({ version, template, note, isActive }) => ({
      version,
      template,
      note,
      isActive,
    })),
  };
}

/** The stored messages as a template without variables: what the playground edits when no version matched. */
function messageTexts(messages: readonly ModelMessage[]): { system: string; user: string } {
  const text = (role: string) =>
    messages
      .filter((m) => m.role === role)
      .map((m) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content)))
      .join("\n\n");
  return { system: text("system"), user: text("user") };
}
