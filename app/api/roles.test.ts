import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import { ROLES, type Role } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import type { RouteContext } from "@/lib/http/route";
import { getEventHub } from "@/lib/live/event-hub";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { closeEventPublisher } from "@/lib/runs/live-run";
import { callRoute, type TestRequest } from "@/lib/testing/call-route";

// The role matrix: every handler of every route file under app/api, called by nobody and by each
// role. A route file or method missing from the table fails the first test, so a new route cannot
// go unchecked. A caller below the route's role gets 401 (nobody) or 403 naming the role; a caller
// at or above it gets the route's own answer (`allowed`).

type Handler = (request: Request, context?: RouteContext) => Promise<Response>;
type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

interface Fixtures {
  profileId: string;
  draftId: string;
  viewerId: string;
}

interface Entry {
  role: Role | "public";
  /** The request, built from the fixtures; its method is the table key's. */
  request: (f: Fixtures) => Omit<TestRequest, "method" | "as">;
  /** What a caller with the role gets: the route's answer once the gate let it in. */
  allowed: number;
}

const UNKNOWN = "cunknown000000000000000000";

const MATRIX: Record<string, Entry> = {
  "GET /api/health": { role: "public", request: () => ({ url: "/api/health" }), allowed: 200 },
  "GET /api/auth/[...all]": {
    role: "public",
    request: () => ({ url: "/api/auth/get-session", params: { all: "get-session" } }),
    allowed: 200,
  },
  "POST /api/auth/[...all]": {
    role: "public",
    // Signing out is Better Auth's own answer to anyone (sign-in's is rate-limited per address).
    request: () => ({ url: "/api/auth/sign-out", params: { all: "sign-out" }, body: {} }),
    allowed: 200,
  },
  "GET /api/profiles": { role: "viewer", request: () => ({ url: "/api/profiles" }), allowed: 200 },
  "GET /api/profiles/[id]": {
    role: "viewer",
    request: (f) => ({ url: `/api/profiles/${f.profileId}`, params: { id: f.profileId } }),
    allowed: 200,
  },
  "GET /api/agent-calls/[id]": {
    role: "viewer",
    request: () => ({ url: `/api/agent-calls/${UNKNOWN}`, params: { id: UNKNOWN } }),
    allowed: 404,
  },
  "POST /api/agent-calls/[id]/playground": {
    role: "researcher",
    // An unknown call: the role check comes first, and nothing runs.
    request: () => ({
      url: `/api/agent-calls/${UNKNOWN}/playground`,
      params: { id: UNKNOWN },
      body: {
        template: "### system\nHi\n### user\n{{history}}",
        model: { provider: "offline", modelId: "offline-simulator" },
        temperature: 0.7,
        samples: 1,
      },
    }),
    allowed: 404,
  },
  "GET /api/sessions": { role: "viewer", request: () => ({ url: "/api/sessions" }), allowed: 200 },
  "POST /api/sessions": {
    role: "researcher",
    request: (f) => ({
      url: "/api/sessions",
      body: { profileId: f.profileId, variant: "magnet", maxRounds: 1 },
    }),
    allowed: 201,
  },
  "GET /api/sessions/[id]": {
    role: "viewer",
    request: (f) => ({ url: `/api/sessions/${f.draftId}`, params: { id: f.draftId } }),
    allowed: 200,
  },
  "GET /api/diversity": { role: "viewer", request: () => ({ url: "/api/diversity" }), allowed: 200 },
  "POST /api/diversity": {
    role: "researcher",
    // The fixtures have no session with rounds: the route's own answer is that there is nothing to measure.
    request: () => ({ url: "/api/diversity", body: { source: "generated" } }),
    allowed: 422,
  },
  "GET /api/experiments/[id]/results": {
    role: "viewer",
    request: () => ({ url: `/api/experiments/${UNKNOWN}/results`, params: { id: UNKNOWN } }),
    allowed: 404,
  },
  "GET /api/results": {
    role: "viewer",
    request: () => ({ url: "/api/results?variant=magnet&source=generated&format=csv" }),
    allowed: 200,
  },
  "GET /api/export": {
    role: "viewer",
    request: () => ({ url: "/api/export?format=csv&limit=1" }),
    allowed: 200,
  },
  "GET /api/sessions/[id]/evaluations": {
    role: "viewer",
    request: (f) => ({ url: `/api/sessions/${f.draftId}/evaluations`, params: { id: f.draftId } }),
    allowed: 200,
  },
  "POST /api/sessions/[id]/evaluations": {
    role: "researcher",
    // An unknown session: the role check comes first, and nothing is judged.
    request: () => ({
      url: `/api/sessions/${UNKNOWN}/evaluations`,
      params: { id: UNKNOWN },
      body: { metrics: ["ctrs"], runs: 1 },
    }),
    allowed: 404,
  },
  "POST /api/sessions/[id]/fork": {
    role: "researcher",
    // A draft has no stored round to fork after: the role check passes, the request is refused.
    request: (f) => ({
      url: `/api/sessions/${f.draftId}/fork`,
      params: { id: f.draftId },
      body: { round: 1 },
    }),
    allowed: 400,
  },
  "POST /api/sessions/[id]/follow-up": {
    role: "researcher",
    // A draft has not finished: the role check passes, the request is refused, nothing is written.
    request: (f) => ({ url: `/api/sessions/${f.draftId}/follow-up`, params: { id: f.draftId }, body: {} }),
    allowed: 409,
  },
  "PUT /api/sessions/[id]/summary": {
    role: "researcher",
    // A first session has no summary to edit.
    request: (f) => ({
      url: `/api/sessions/${f.draftId}/summary`,
      params: { id: f.draftId },
      body: { summary: "Session 1 in brief." },
    }),
    allowed: 400,
  },
  "GET /api/sessions/[id]/rounds/[round]/timeline": {
    role: "viewer",
    request: (f) => ({
      url: `/api/sessions/${f.draftId}/rounds/1/timeline`,
      params: { id: f.draftId, round: "1" },
    }),
    allowed: 200,
  },
  "GET /api/prompts/versions": {
    role: "viewer",
    request: () => ({ url: "/api/prompts/versions?role=fuser" }),
    allowed: 200,
  },
  "POST /api/prompts/versions": {
    role: "researcher",
    // A template missing its required variables: refused by name, nothing stored.
    request: () => ({ url: "/api/prompts/versions", body: { role: "fuser", template: "### system\nHi" } }),
    allowed: 400,
  },
  "POST /api/prompts/versions/activate": {
    role: "researcher",
    request: () => ({ url: "/api/prompts/versions/activate", body: { role: "fuser", version: 99 } }),
    allowed: 404,
  },
  "GET /api/sessions/[id]/share": {
    role: "researcher",
    request: (f) => ({ url: `/api/sessions/${f.draftId}/share`, params: { id: f.draftId } }),
    allowed: 200,
  },
  "POST /api/sessions/[id]/share": {
    role: "researcher",
    request: (f) => ({ url: `/api/sessions/${f.draftId}/share`, params: { id: f.draftId }, body: {} }),
    allowed: 201,
  },
  "DELETE /api/sessions/[id]/share": {
    role: "researcher",
    // A link of no session of ours: refused by name, nothing changes.
    request: (f) => ({
      url: `/api/sessions/${f.draftId}/share`,
      params: { id: f.draftId },
      body: { id: UNKNOWN },
    }),
    allowed: 404,
  },
  "GET /api/sessions/[id]/stream": {
    role: "viewer",
    request: (f) => ({ url: `/api/sessions/${f.draftId}/stream`, params: { id: f.draftId } }),
    allowed: 200,
  },
  // Run, stop and pause on an unknown session: the handler's 404 shows the gate let the caller in
  // (the e2e tests run, pause and stop real sessions).
  "POST /api/sessions/[id]/run": {
    role: "researcher",
    request: () => ({ url: `/api/sessions/${UNKNOWN}/run`, params: { id: UNKNOWN }, body: {} }),
    allowed: 404,
  },
  "POST /api/sessions/[id]/stop": {
    role: "researcher",
    request: () => ({ url: `/api/sessions/${UNKNOWN}/stop`, params: { id: UNKNOWN }, body: {} }),
    allowed: 404,
  },
  "POST /api/sessions/[id]/pause": {
    role: "researcher",
    request: () => ({ url: `/api/sessions/${UNKNOWN}/pause`, params: { id: UNKNOWN }, body: {} }),
    allowed: 404,
  },
  "POST /api/sessions/[id]/steer": {
    role: "researcher",
    request: () => ({
      url: `/api/sessions/${UNKNOWN}/steer`,
      params: { id: UNKNOWN },
      body: { type: "continue", roundIndex: 1, point: "selection" },
    }),
    allowed: 404,
  },
  "POST /api/sessions/[id]/rounds/[round]/regenerate": {
    role: "researcher",
    request: () => ({
      url: `/api/sessions/${UNKNOWN}/rounds/1/regenerate`,
      params: { id: UNKNOWN, round: "1" },
      body: { output: "client" },
    }),
    allowed: 404,
  },
  "PUT /api/sessions/[id]/steering": {
    role: "researcher",
    request: (f) => ({
      url: `/api/sessions/${f.draftId}/steering`,
      params: { id: f.draftId },
      body: { pausePoints: ["selection"], seat: "agents" },
    }),
    allowed: 200,
  },
  "POST /api/import": {
    role: "researcher",
    request: () => ({ url: "/api/import", form: uploadOf("intake-forms.json", "[]") }),
    allowed: 200,
  },
  "GET /api/account/api-keys": {
    role: "viewer",
    request: () => ({ url: "/api/account/api-keys" }),
    allowed: 200,
  },
  "POST /api/account/api-keys": {
    role: "viewer",
    request: () => ({ url: "/api/account/api-keys", body: { name: "notebook" } }),
    allowed: 201,
  },
  "DELETE /api/account/api-keys/[id]": {
    role: "viewer",
    request: () => ({ url: `/api/account/api-keys/${UNKNOWN}`, params: { id: UNKNOWN } }),
    allowed: 404,
  },
  "GET /api/users": { role: "researcher", request: () => ({ url: "/api/users" }), allowed: 200 },
  "POST /api/users": {
    role: "researcher",
    request: () => ({
      url: "/api/users",
      body: { email: `new-${Math.random()}@example.org`, role: "viewer" },
    }),
    allowed: 201,
  },
  "PATCH /api/users/[id]": {
    role: "researcher",
    request: (f) => ({
      url: `/api/users/${f.viewerId}`,
      params: { id: f.viewerId },
      body: { role: "viewer" },
    }),
    allowed: 200,
  },
  "GET /api/audit": { role: "researcher", request: () => ({ url: "/api/audit" }), allowed: 200 },
  "GET /api/annotations/export": {
    role: "researcher",
    request: () => ({ url: "/api/annotations/export?format=annotations-csv" }),
    allowed: 200,
  },
  "PUT /api/annotations/preferences": {
    role: "annotator",
    request: () => ({
      url: "/api/annotations/preferences",
      body: { sessionIds: [UNKNOWN, "cunknown000000000000000001"], baseVersion: 0, data: {} },
    }),
    allowed: 404,
  },
  "GET /api/annotation-queues": {
    role: "annotator",
    request: () => ({ url: "/api/annotation-queues" }),
    allowed: 200,
  },
  "POST /api/annotation-queues": {
    role: "researcher",
    // An annotator who does not exist: refused by name, no queue made.
    request: () => ({ url: "/api/annotation-queues", body: { name: "Pilot", annotatorIds: [UNKNOWN] } }),
    allowed: 404,
  },
  "GET /api/annotation-queues/[id]/agreement": {
    role: "researcher",
    request: () => ({ url: `/api/annotation-queues/${UNKNOWN}/agreement`, params: { id: UNKNOWN } }),
    allowed: 404,
  },
  "GET /api/annotation-queues/[id]": {
    role: "annotator",
    request: () => ({ url: `/api/annotation-queues/${UNKNOWN}`, params: { id: UNKNOWN } }),
    allowed: 404,
  },
  // Annotations of an unknown session: the gate let the caller in, the session is not there.
  "GET /api/annotations/sessions/[id]": {
    role: "annotator",
    request: () => ({ url: `/api/annotations/sessions/${UNKNOWN}`, params: { id: UNKNOWN } }),
    allowed: 404,
  },
  "PUT /api/annotations/sessions/[id]/rounds/[round]": {
    role: "annotator",
    request: () => ({
      url: `/api/annotations/sessions/${UNKNOWN}/rounds/1`,
      params: { id: UNKNOWN, round: "1" },
      body: { baseVersion: 0, data: { ratings: { empathy: 3 } } },
    }),
    allowed: 404,
  },
  "PUT /api/annotations/sessions/[id]/forms": {
    role: "annotator",
    request: () => ({
      url: `/api/annotations/sessions/${UNKNOWN}/forms`,
      params: { id: UNKNOWN },
      body: { baseVersion: 0, data: {} },
    }),
    allowed: 404,
  },
  "GET /api/experiments": { role: "viewer", request: () => ({ url: "/api/experiments" }), allowed: 200 },
  // An unknown profile: the handler's 404 shows the gate let the caller in, and nothing is queued.
  "POST /api/experiments": {
    role: "researcher",
    request: () => ({
      url: "/api/experiments",
      body: { name: "roles", variants: ["magnet"], profiles: [UNKNOWN], rounds: 1 },
    }),
    allowed: 404,
  },
  "GET /api/experiments/[id]": {
    role: "viewer",
    request: () => ({ url: `/api/experiments/${UNKNOWN}`, params: { id: UNKNOWN } }),
    allowed: 404,
  },
  "POST /api/experiments/[id]/control": {
    role: "researcher",
    request: () => ({
      url: `/api/experiments/${UNKNOWN}/control`,
      params: { id: UNKNOWN },
      body: { action: "pause" },
    }),
    allowed: 404,
  },
};

function uploadOf(name: string, text: string): FormData {
  const form = new FormData();
  form.append("files", new File([text], name, { type: "application/json" }));
  return form;
}

const API_DIR = path.join(process.cwd(), "app/api");
const METHODS: Method[] = ["GET", "POST", "PATCH", "PUT", "DELETE"];

function routeFiles(dir = API_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

async function handlersOnDisk(): Promise<Map<string, Handler>> {
  const handlers = new Map<string, Handler>();
  for (const file of routeFiles()) {
    const urlPath = `/${path.relative(path.join(process.cwd(), "app"), path.dirname(file)).split(path.sep).join("/")}`;
    const module: Record<string, unknown> = await import(file);
    for (const method of METHODS) {
      const handler = module[method];
      if (typeof handler === "function") handlers.set(`${method} ${urlPath}`, handler as Handler);
    }
  }
  return handlers;
}

let handlers = new Map<string, Handler>();
let fixtures: Fixtures;

beforeAll(async () => {
  handlers = await handlersOnDisk();
  await seedSampleProfiles();
  const profileId = (await getDb().clientProfile.findFirstOrThrow({ orderBy: { name: "asc" } })).id;
  const draft = await getDb().session.create({
    data: {
      profileId,
      variant: "magnet",
      status: "draft",
      source: "generated",
      config: {},
      maxRounds: 3,
      openingCounselor: "Hi",
      openingClient: "Hello",
    },
  });
  const viewer = await createUser({ email: "someone@example.org", role: "viewer" }, null);
  fixtures = { profileId, draftId: draft.id, viewerId: viewer.user.id };
});

afterAll(async () => {
  await closeEventPublisher();
  await (await getEventHub()).close();
});

it("lists every route handler under app/api, and nothing else", () => {
  expect([...handlers.keys()].sort()).toEqual(Object.keys(MATRIX).sort());
});

const CALLERS = ["anonymous", ...ROLES] as const;

describe.each(Object.entries(MATRIX))("%s", (key, entry) => {
  const method = key.split(" ")[0];
  it.each(CALLERS)("as %s", async (caller) => {
    const handler = handlers.get(key);
    if (!handler) throw new Error(`${key} has no handler on disk`);
    const response = await callRoute(handler, { ...entry.request(fixtures), method, as: caller });
    if (entry.role === "public") {
      expect(response.status).toBe(entry.allowed);
    } else if (caller === "anonymous") {
      expect(response).toMatchObject({ status: 401, code: "unauthorized" });
    } else if (ROLES.indexOf(caller) < ROLES.indexOf(entry.role)) {
      expect(response).toMatchObject({ status: 403, code: "forbidden" });
      expect(JSON.stringify(response.json)).toContain(`needs the ${entry.role} role`);
    } else {
      expect(response.status).toBe(entry.allowed);
    }
  });
});

it("limits generation per user: the 61st generation request in a minute is a 429 that says so", async () => {
  const handler = handlers.get("POST /api/sessions");
  if (!handler) throw new Error("no POST /api/sessions");
  const { user } = await createUser({ email: "busy@example.org", role: "researcher" }, null);
  const { key } = await createApiKey(user.id, "loop");
  const post = () =>
    handler(
      new Request("http://127.0.0.1:3000/api/sessions", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: "{}",
      }),
      { params: Promise.resolve({}) },
    );
  const statuses: number[] = [];
  for (let i = 0; i < 60; i++) statuses.push((await post()).status);
  // Let in, then refused by validation (an empty body): the budget counts requests, not sessions.
  expect(new Set(statuses)).toEqual(new Set([400]));
  const limited = await post();
  expect(limited.status).toBe(429);
  expect(JSON.stringify(await limited.json())).toContain("at most 60 a minute per user");
});
