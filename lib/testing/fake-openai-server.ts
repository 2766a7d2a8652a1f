// A fake OpenAI-compatible chat-completions server (POST /v1/chat/completions) for tests and benchmarks:
// paced SSE streams (or whole JSON answers), fault injection, and a record of every request with the
// time each chunk was written. Product code never imports it.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readPrompt } from "@/lib/providers/simulator/prompt-reading";
import { seededRandom } from "@/lib/providers/simulator/random";
import { writeAnswer } from "@/lib/providers/simulator/write";
import { sleep } from "@/lib/providers/sleep";

/** 429 with retry-after, 500, the connection cut mid-answer, a 200 answer without content, a long stall. */
export type FaultKind = "rate-limit" | "server-error" | "drop" | "empty" | "stall";

export interface FaultRule {
  fault: FaultKind;
  /** 1-based numbers of the requests to fail, counted over the requests whose role this rule matches. */
  requests?: number[];
  /** Chance per matching request, drawn from the server's seeded RNG. */
  probability?: number;
  /** The prompt's `Role:` marker, exactly or as its prefix: "specialist" matches "specialist:reflection". */
  role?: string;
  /** rate-limit: the retry-after header, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** drop: content tokens written before the connection is cut (default 2). */
  dropAfterTokens?: number;
  /** stall: how long nothing is written before the answer comes after all (default 10 s). */
  stallMs?: number;
}

export interface FakeChatRequest {
  /** 1-based, in order of arrival. */
  number: number;
  /** From the first system message's `Role: <role>` line; "unknown" without one. */
  role: string;
  model: string;
  stream: boolean;
  /** The request asked for JSON (response_format). */
  json: boolean;
  /** Contents flattened to text. */
  messages: { role: string; content: string }[];
  body: Record<string, unknown>;
}

export interface FakeChunk {
  /** When it was written: epoch milliseconds with sub-millisecond precision (comparable to Date.now()). */
  at: number;
  kind: "content" | "finish" | "usage" | "done" | "body";
  text: string;
}

export interface FakeRequestRecord extends FakeChatRequest {
  receivedAt: number;
  fault: FaultKind | null;
  status: number;
  chunks: FakeChunk[];
  finishedAt: number | null;
  /** The client went away before the answer was complete. */
  aborted: boolean;
}

export interface FakeUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface FakeBehaviour {
  /** Time from the request to its first token (and to the whole answer, less the pacing, unstreamed). */
  latencyMs: number;
  /** Pace of the tokens after the first; 0 or less writes them all at once. */
  tokensPerSecond: number;
  /** Length of the default answers, in whitespace-separated tokens. */
  answerTokens: number;
  answer: (request: FakeChatRequest, behaviour: FakeBehaviour) => string;
  /** The usage to report; null sends none. Default: prompt characters / 4 and the tokens written. */
  usage: ((request: FakeChatRequest, completionTokens: number) => FakeUsage) | null;
  /** The first rule that fires decides the fault. Setting new rules (or a seed) restarts their counts. */
  faults: FaultRule[];
  seed: number;
}

export interface FakeOpenAIServer {
  /** http://127.0.0.1:PORT/v1, for LLM_BASE_URL or createOpenAI({ baseURL }). */
  baseURL: string;
  requests: FakeRequestRecord[];
  setBehaviour(patch: Partial<FakeBehaviour>): void;
  close(): Promise<void>;
}

export const DEFAULT_FAKE_BEHAVIOUR: Readonly<FakeBehaviour> = {
  latencyMs: 0,
  tokensPerSecond: 0,
  answerTokens: 12,
  answer: (request, behaviour) => defaultAnswer(request, behaviour.answerTokens),
  usage: (request, completionTokens) => ({
    promptTokens: Math.ceil(request.messages.reduce((n, m) => n + m.content.length, 0) / 4),
    completionTokens,
  }),
  faults: [],
  seed: 1,
};

export async function startFakeOpenAIServer(options: Partial<FakeBehaviour> = {}): Promise<FakeOpenAIServer> {
  let behaviour: FakeBehaviour = { ...DEFAULT_FAKE_BEHAVIOUR, ...options };
  let rules = behaviour.faults.map((rule) => ({ rule, seen: 0 }));
  let random = seededRandom(behaviour.seed);
  const requests: FakeRequestRecord[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: String(error), type: "server_error" } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req);
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      return sendJson(res, 404, {
        error: { message: `No route ${req.method} ${req.url}`, type: "not_found" },
      });
    }
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return sendJson(res, 400, {
        error: { message: "The body is not JSON", type: "invalid_request_error" },
      });
    }
    const request = describeRequest(parsed, requests.length + 1);
    const current = behaviour;
    const rule = pickFault(rules, request.role, () => random.next());
    const record: FakeRequestRecord = {
      ...request,
      receivedAt: now(),
      fault: rule?.fault ?? null,
      status: 200,
      chunks: [],
      finishedAt: null,
      aborted: false,
    };
    requests.push(record);
    const gone = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) {
        record.aborted = record.fault !== "drop";
        gone.abort();
      }
    });
    try {
      await answer(res, record, current, rule, gone.signal);
    } catch (error) {
      if (!gone.signal.aborted) throw error;
    } finally {
      record.finishedAt = now();
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    setBehaviour(patch) {
      behaviour = { ...behaviour, ...patch };
      if (patch.faults) rules = patch.faults.map((rule) => ({ rule, seen: 0 }));
      if (patch.seed !== undefined) {
        random = seededRandom(patch.seed);
        rules = behaviour.faults.map((rule) => ({ rule, seen: 0 }));
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function answer(
  res: ServerResponse,
  record: FakeRequestRecord,
  behaviour: FakeBehaviour,
  rule: FaultRule | null,
  signal: AbortSignal,
) {
  if (rule?.fault === "rate-limit") {
    record.status = 429;
    const retryAfter = String(rule.retryAfterSeconds ?? 1);
    const error = { message: "Rate limit reached", type: "rate_limit_error", code: "rate_limit_exceeded" };
    return sendJson(res, 429, { error }, { "retry-after": retryAfter });
  }
  if (rule?.fault === "server-error") {
    record.status = 500;
    return sendJson(res, 500, { error: { message: "The server had an error", type: "server_error" } });
  }
  if (rule?.fault === "stall") await sleepUntil(record.receivedAt + (rule.stallMs ?? 10_000), signal);
  const text = rule?.fault === "empty" ? "" : behaviour.answer(record, behaviour);
  const tokens = tokensOf(text);
  const sent = rule?.fault === "drop" ? tokens.slice(0, rule.dropAfterTokens ?? 2) : tokens;
  const step = behaviour.tokensPerSecond > 0 ? 1000 / behaviour.tokensPerSecond : 0;
  // Absolute due times, so that timer lateness does not add up over a long answer.
  const dueAt = (i: number) => record.receivedAt + behaviour.latencyMs + i * step;
  const usage = behaviour.usage?.(record, tokens.length) ?? null;
  const base = {
    id: `chatcmpl-fake-${record.number}`,
    created: Math.floor(Date.now() / 1000),
    model: record.model,
  };

  if (!record.stream) {
    await sleepUntil(dueAt(Math.max(0, tokens.length - 1)), signal);
    if (rule?.fault === "drop") {
      res.destroy();
      return;
    }
    const body = {
      ...base,
      object: "chat.completion",
      choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
      ...(usage ? { usage: usageJson(usage) } : {}),
    };
    sendJson(res, 200, body);
    record.chunks.push({ at: now(), kind: "body", text });
    return;
  }

  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.flushHeaders();
  const write = (kind: FakeChunk["kind"], data: string, chunkText = "") => {
    res.write(`data: ${data}\n\n`);
    record.chunks.push({ at: now(), kind, text: chunkText });
  };
  const chunk = (choices: unknown[], extra: object = {}) =>
    JSON.stringify({ ...base, object: "chat.completion.chunk", choices, ...extra });
  for (const [i, token] of sent.entries()) {
    await sleepUntil(dueAt(i), signal);
    write("content", chunk([{ index: 0, delta: { content: token }, finish_reason: null }]), token);
  }
  if (rule?.fault === "drop") {
    // end(), not destroy(): the tokens already written reach the client before the connection closes.
    res.socket?.end();
    return;
  }
  await sleepUntil(dueAt(0), signal);
  write("finish", chunk([{ index: 0, delta: {}, finish_reason: "stop" }]));
  if (usage) write("usage", chunk([], { usage: usageJson(usage) }));
  write("done", "[DONE]");
  res.end();
}

function pickFault(rules: { rule: FaultRule; seen: number }[], role: string, random: () => number) {
  let chosen: FaultRule | null = null;
  for (const state of rules) {
    const { rule } = state;
    if (rule.role && role !== rule.role && !role.startsWith(`${rule.role}:`)) continue;
    state.seen++;
    // Draw for every matching rule, fired or not, so that a seed gives the same faults whatever fires.
    const rolled = rule.probability !== undefined && random() < rule.probability;
    if (!chosen && (rolled || rule.requests?.includes(state.seen))) chosen = rule;
  }
  return chosen;
}

function describeRequest(body: Record<string, unknown>, number: number): FakeChatRequest {
  const raw = Array.isArray(body.messages) ? (body.messages as { role?: unknown; content?: unknown }[]) : [];
  const messages = raw.map((m) => ({ role: String(m.role), content: textOf(m.content) }));
  const system = messages.find((m) => m.role === "system")?.content ?? "";
  const format = (body.response_format as { type?: string } | undefined)?.type;
  return {
    number,
    role: system.match(/^\s*Role:\s*(\S+)/)?.[1] ?? "unknown",
    model: String(body.model ?? ""),
    stream: body.stream === true,
    json: format === "json_object" || format === "json_schema",
    messages,
    body,
  };
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part: { text?: unknown }) => (typeof part.text === "string" ? part.text : ""))
    .join("\n");
}

/** Words with their leading whitespace: joined, they give the text back. */
function tokensOf(text: string): string[] {
  return text.match(/\s*\S+\s*$|\s*\S+/g) ?? [];
}

const COUNSELOR_WORDS =
  "it sounds like this has been weighing on you and we can look at it together one small step at a time";
const CLIENT_WORDS = "that could help me a little because work has felt heavy for quite a while now";

/**
 * A deterministic answer of about `tokens` tokens, shaped like the role's: the selector names
 * techniques ("reflection, questioning", JSON when asked), the planner gives "Technique: ...\nPlan: ...",
 * the client a plain sentence without [/END], every counselor-side role a counselor sentence.
 */
export function defaultAnswer(request: FakeChatRequest, tokens: number): string {
  const { role } = request;
  if (role === "selector" && request.json) {
    return JSON.stringify({
      techniques: ["reflection", "questioning"],
      rationale: fill("", COUNSELOR_WORDS, tokens),
    });
  }
  if (role === "selector")
    return fill("Techniques: reflection, questioning\nRationale:", COUNSELOR_WORDS, tokens);
  if (role === "planner") return fill("Technique: Decatastrophizing\nPlan:", COUNSELOR_WORDS, tokens);
  if (role === "client") return fill("I suppose", CLIENT_WORDS, tokens);
  return fill("I hear you,", COUNSELOR_WORDS, tokens);
}

/** The head, then words cycled from `filler` up to `tokens` tokens in all, ending with a full stop. */
function fill(head: string, filler: string, tokens: number): string {
  const words = filler.split(" ");
  const count = Math.max(1, tokens - tokensOf(head).length);
  const tail = Array.from({ length: count }, (_, i) => words[i % words.length]).join(" ");
  return `${head ? `${head} ` : ""}${tail}.`;
}

/** The offline simulator's answer to the request, for tests that want content-aware text. */
export function simulatorAnswer(request: FakeChatRequest): string {
  const system = request.messages.filter((m) => m.role === "system").map((m) => m.content);
  const user = request.messages.filter((m) => m.role === "user").map((m) => m.content);
  const reading = readPrompt([
    ...system.map((content) => ({ role: "system" as const, content })),
    ...user.map((text) => ({ role: "user" as const, content: [{ type: "text" as const, text }] })),
  ]);
  return writeAnswer(reading, { json: request.json, endRound: null });
}

function usageJson({ promptTokens, completionTokens }: FakeUsage) {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (part: string) => {
      body += part;
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function now(): number {
  return performance.timeOrigin + performance.now();
}

function sleepUntil(at: number, signal: AbortSignal): Promise<void> {
  return sleep(at - now(), signal);
}
