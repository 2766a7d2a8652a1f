import http from "node:http";
import { z } from "zod";
import { studioAuthHeaders } from "@/lib/bench/studio-auth";

// What the drills ask of a running studio over HTTP, on loopback only: sessions, runs, health, and
// the abuse (streams dropped at once, junk imports).

const healthSchema = z.object({ watchers: z.number(), runningSessions: z.number().nullable() });
const sessionSchema = z.object({
  status: z.string(),
  roundCount: z.number(),
  maxRounds: z.number(),
  rounds: z.array(z.object({ index: z.number(), counselorReply: z.string() })),
  agentCalls: z.array(
    z.object({ id: z.string(), roundIndex: z.number().nullable(), rawOutput: z.string().nullable() }),
  ),
});
export type SessionState = z.infer<typeof sessionSchema>;

const SETTLED = ["completed", "ended_by_client", "failed", "stopped", "paused"];

async function request(url: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    ...init,
    headers: { ...Object.fromEntries(new Headers(init?.headers)), ...studioAuthHeaders() },
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the error message
  }
  return { status: response.status, body };
}

async function ok(url: string, init?: RequestInit): Promise<unknown> {
  const { status, body } = await request(url, init);
  if (status >= 400)
    throw new Error(`${init?.method ?? "GET"} ${url}: HTTP ${status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

export async function getSession(baseUrl: string, id: string): Promise<SessionState> {
  return sessionSchema.parse(await ok(`${baseUrl}/api/sessions/${id}`));
}

export async function runToEnd(baseUrl: string, id: string): Promise<void> {
  await ok(`${baseUrl}/api/sessions/${id}/run`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ mode: "to-end" }),
  });
}

/** Polls until every session has settled (not running); throws after `timeoutMs`. */
export async function waitSettled(
  baseUrl: string,
  ids: string[],
  timeoutMs: number,
): Promise<SessionState[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await Promise.all(ids.map((id) => getSession(baseUrl, id)));
    if (states.every((s) => SETTLED.includes(s.status))) return states;
    if (Date.now() > deadline) throw new Error(`sessions still running after ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

/** Rounds a session should have and does not: missing indices, plus any index not 1..n in order. */
export function roundsLost(state: SessionState): number {
  const indices = state.rounds.map((r) => r.index);
  const contiguous = indices.every((index, i) => index === i + 1) ? 0 : 1;
  return Math.max(0, state.maxRounds - indices.length) + contiguous;
}

export async function health(baseUrl: string): Promise<{ status: number; watchers: number | null }> {
  try {
    const { status, body } = await request(`${baseUrl}/api/health`);
    const parsed = healthSchema.safeParse(body);
    return { status, watchers: parsed.success ? parsed.data.watchers : null };
  } catch {
    return { status: 0, watchers: null };
  }
}

/**
 * Watchers once the studio has released them: a stream dropped while its snapshot query waits for a
 * connection is released when the query returns, which under a flood takes seconds.
 */
export async function watchersLeft(baseUrl: string, waitMs = 30_000): Promise<number> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const { watchers } = await health(baseUrl);
    if (watchers === 0 || Date.now() > deadline) return watchers ?? -1;
    await sleep(100);
  }
}

/** Asks /api/health every `everyMs` until stopped: how many answers were not 200 within 2 s. */
export function monitorHealth(baseUrl: string, everyMs = 100) {
  let checks = 0;
  let failures = 0;
  let slowestMs = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const { status } = await Promise.race([health(baseUrl), sleep(2_000).then(() => ({ status: 0 }))]);
      slowestMs = Math.max(slowestMs, performance.now() - started);
      checks++;
      if (status !== 200) failures++;
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { checks, failures, slowestMs };
    },
  };
}

/** Opens `count` streams of the session, `concurrency` at a time, each dropped `afterMs` after it was sent. */
export async function dropStreams(
  baseUrl: string,
  sessionId: string,
  count: number,
  afterMs = 50,
  concurrency = 100,
) {
  let next = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const request = http.get(`${baseUrl}/api/sessions/${sessionId}/stream`, {
        agent: false,
        headers: studioAuthHeaders(),
      });
      request.on("response", (response) => response.resume());
      request.on("error", () => resolve());
      request.on("close", () => resolve());
      setTimeout(() => request.destroy(), afterMs);
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        await one();
      }
    }),
  );
}

/** Junk a careless or hostile user might upload, in a few shapes. */
function junkFile(i: number): Blob {
  const shapes = [
    () => `[${Array.from({ length: 20_000 }, () => "0").join(",")}]`,
    () => '{"messages": ['.repeat(2_000),
    () => Buffer.from(Array.from({ length: 50_000 }, (_, j) => (j * 7919 + i) % 256)).toString("latin1"),
    () => JSON.stringify({ seed: Array.from({ length: 5_000 }, (_, j) => ({ id: j, intake: null })) }),
  ];
  return new Blob([shapes[i % shapes.length]?.() ?? ""], { type: "application/json" });
}

/** Posts `count` junk imports at once; returns the statuses (none may be a 5xx). */
export async function postJunkImports(baseUrl: string, count: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const form = new FormData();
      form.append("files", junkFile(i), `junk-${i}.json`);
      const { status } = await request(`${baseUrl}/api/import`, { method: "POST", body: form }).catch(() => ({
        status: 0,
      }));
      return status;
    }),
  );
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
