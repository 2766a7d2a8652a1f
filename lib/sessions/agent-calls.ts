import "server-only";
import { getDb, type Prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

/** One attempt of a call, as the inspector lists them. */
export interface AgentCallAttempt {
  id: string;
  attempt: number;
  status: "running" | "succeeded" | "failed" | "cancelled";
  error: string | null;
  latencyMs: number | null;
  startedAt: string;
  finishedAt: string | null;
}

/** A prompt message with its content as the model saw it (text parts joined, other parts as JSON). */
export interface PromptMessage {
  role: string;
  content: string;
}

export interface AgentCallDetail extends AgentCallAttempt {
  sessionId: string;
  roundIndex: number | null;
  role: string;
  technique: string | null;
  provider: string;
  modelId: string;
  /** The call's settings as stored (temperature, maxOutputTokens, timeoutMs, …). */
  settings: Record<string, unknown>;
  promptVersion: { role: string; version: number } | null;
  promptMessages: PromptMessage[];
  rawOutput: string | null;
  cleanedOutput: string | null;
  tokensIn: number | null;
  tokensOut: number | null;
  /** Every attempt of the same agent in the same round of the session, this one included, by attempt. */
  attempts: AgentCallAttempt[];
}

const ATTEMPT_FIELDS = {
  id: true,
  attempt: true,
  status: true,
  error: true,
  latencyMs: true,
  startedAt: true,
  finishedAt: true,
} as const satisfies Prisma.AgentCallSelect;

/** One agent call with everything it was given and gave back, and its sibling attempts. */
export async function getAgentCallById({ id }: { id: string }): Promise<AgentCallDetail> {
  const db = getDb();
  const call = await db.agentCall.findUnique({
    where: { id },
    include: { promptVersion: { select: { role: true, version: true } } },
  });
  if (!call) throw notFound("Agent call", id);
  const siblings = await db.agentCall.findMany({
    where: { sessionId: call.sessionId, role: call.role, roundIndex: call.roundIndex },
    orderBy: [{ attempt: "asc" }, { startedAt: "asc" }, { id: "asc" }],
    select: ATTEMPT_FIELDS,
  });
  return {
    ...attemptOf(call),
    sessionId: call.sessionId,
    roundIndex: call.roundIndex,
    role: call.role,
    technique: call.technique,
    provider: call.provider,
    modelId: call.modelId,
    settings: isRecord(call.settings) ? call.settings : {},
    promptVersion: call.promptVersion,
    promptMessages: promptMessagesOf(call.promptMessages),
    rawOutput: call.rawOutput,
    cleanedOutput: call.cleanedOutput,
    tokensIn: call.tokensIn,
    tokensOut: call.tokensOut,
    attempts: siblings.map(attemptOf),
  };
}

type AttemptRow = Prisma.AgentCallGetPayload<{ select: typeof ATTEMPT_FIELDS }>;

function attemptOf(row: AttemptRow): AgentCallAttempt {
  return {
    id: row.id,
    attempt: row.attempt,
    status: row.status,
    error: row.error,
    latencyMs: row.latencyMs,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** AI SDK ModelMessage[] as stored: content is a string or a list of parts. */
function promptMessagesOf(value: unknown): PromptMessage[] {
  if (!Array.isArray(value)) return [];
  return value.map((message) => {
    if (!isRecord(message)) return { role: "unknown", content: JSON.stringify(message) };
    const role = typeof message.role === "string" ? message.role : "unknown";
    return { role, content: contentOf(message.content) };
  });
}

function contentOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return JSON.stringify(content ?? "");
  return content
    .map((part) =>
      isRecord(part) && part.type === "text" && typeof part.text === "string"
        ? part.text
        : JSON.stringify(part),
    )
    .join("\n");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
