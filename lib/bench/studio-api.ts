import type { SessionRunMode } from "@/lib/sessions/schema";
import { studioAuthHeaders } from "./studio-auth";

// The few calls of the studio's HTTP API the bench makes, as the browser makes them.

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { "content-type": "application/json", ...studioAuthHeaders() },
    signal: AbortSignal.timeout(30_000),
  });
  const body = await response.text();
  if (!response.ok)
    throw new Error(`${init?.method ?? "GET"} ${url}: HTTP ${response.status} ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}

export async function firstProfileId(baseUrl: string): Promise<string> {
  const { items } = await json<{ items: { id: string }[] }>(`${baseUrl}/api/profiles?pageSize=1`);
  if (!items[0]) throw new Error("The studio has no client profiles");
  return items[0].id;
}

export async function createMagnetSession(baseUrl: string, profileId: string, maxRounds: number) {
  const body = JSON.stringify({ profileId, variant: "magnet", maxRounds });
  const { id } = await json<{ id: string }>(`${baseUrl}/api/sessions`, { method: "POST", body });
  return id;
}

export async function startRun(baseUrl: string, sessionId: string, mode: SessionRunMode = "to-end") {
  await json(`${baseUrl}/api/sessions/${sessionId}/run`, { method: "POST", body: JSON.stringify({ mode }) });
}
