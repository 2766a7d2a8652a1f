import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as playground from "@/app/api/agent-calls/[id]/playground/route";
import * as agentCall from "@/app/api/agent-calls/[id]/route";
import * as agreement from "@/app/api/annotation-queues/[id]/agreement/route";
import * as queue from "@/app/api/annotation-queues/[id]/route";
import * as queues from "@/app/api/annotation-queues/route";
import * as annotationExport from "@/app/api/annotations/export/route";
import * as preferences from "@/app/api/annotations/preferences/route";
import * as annotationForms from "@/app/api/annotations/sessions/[id]/forms/route";
import * as annotationRound from "@/app/api/annotations/sessions/[id]/rounds/[round]/route";
import * as annotations from "@/app/api/annotations/sessions/[id]/route";
import * as diversity from "@/app/api/diversity/route";
import * as experimentControl from "@/app/api/experiments/[id]/control/route";
import * as results from "@/app/api/experiments/[id]/results/route";
import * as experiment from "@/app/api/experiments/[id]/route";
import * as experiments from "@/app/api/experiments/route";
import * as exportRoute from "@/app/api/export/route";
import * as profile from "@/app/api/profiles/[id]/route";
import * as profiles from "@/app/api/profiles/route";
import * as filteredResults from "@/app/api/results/route";
import * as evaluations from "@/app/api/sessions/[id]/evaluations/route";
import * as followUp from "@/app/api/sessions/[id]/follow-up/route";
import * as pause from "@/app/api/sessions/[id]/pause/route";
import * as regenerate from "@/app/api/sessions/[id]/rounds/[round]/regenerate/route";
import * as session from "@/app/api/sessions/[id]/route";
import * as run from "@/app/api/sessions/[id]/run/route";
import * as steer from "@/app/api/sessions/[id]/steer/route";
import * as steering from "@/app/api/sessions/[id]/steering/route";
import * as stop from "@/app/api/sessions/[id]/stop/route";
import * as stream from "@/app/api/sessions/[id]/stream/route";
import * as summary from "@/app/api/sessions/[id]/summary/route";
import * as sessions from "@/app/api/sessions/route";
import { getDb } from "@/lib/db/client";
import { getEventHub } from "@/lib/live/event-hub";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { closeEventPublisher } from "@/lib/runs/live-run";
import { callRoute } from "@/lib/testing/call-route";

// Every route: the NUL inputs of issue 10 exactly, a bad request and an unknown id.

const UNKNOWN = "cunknown000000000000000000";
let profileId = "";
let draftId = "";

beforeAll(async () => {
  await seedSampleProfiles();
  profileId = (await getDb().clientProfile.findFirstOrThrow({ orderBy: { name: "asc" } })).id;
  draftId = (await getDb().session.create({ data: draftSession(profileId) })).id;
});

afterAll(async () => {
  await closeEventPublisher();
  await (await getEventHub()).close();
});

function draftSession(id: string) {
  return {
    profileId: id,
    variant: "magnet" as const,
    status: "draft" as const,
    source: "generated" as const,
    config: {},
    maxRounds: 3,
    openingCounselor: "Hi",
    openingClient: "Hello",
  };
}

describe("NUL bytes are a 400 naming the field, not a 500", () => {
  it("GET /api/profiles?search=%00", async () => {
    const response = await callRoute(profiles.GET, { url: "/api/profiles?search=%00" });
    expect(response).toMatchObject({ status: 400, fields: ["search"] });
  });

  it("GET /api/sessions?profileId=%00", async () => {
    const response = await callRoute(sessions.GET, { url: "/api/sessions?profileId=%00" });
    expect(response).toMatchObject({ status: 400, fields: ["profileId"] });
  });

  it("GET /api/sessions/%00", async () => {
    // Next hands the handler decoded segments.
    const response = await callRoute(session.GET, { url: "/api/sessions/%00", params: { id: "\u0000" } });
    expect(response).toMatchObject({ status: 400, fields: ["id"] });
  });

  it("GET /api/agent-calls/%00", async () => {
    const response = await callRoute(agentCall.GET, {
      url: "/api/agent-calls/%00",
      params: { id: "\u0000" },
    });
    expect(response).toMatchObject({ status: 400, fields: ["id"] });
  });

  it('POST /api/sessions {"profileId":"\\u0000","variant":"magnet"}', async () => {
    const response = await callRoute(sessions.POST, {
      method: "POST",
      url: "/api/sessions",
      body: '{"profileId":"\\u0000","variant":"magnet"}',
    });
    expect(response).toMatchObject({ status: 400, fields: ["profileId"] });
  });
});

describe("GET /api/profiles", () => {
  it("rejects a bad page and finds nothing for an unknown technique", async () => {
    expect(await callRoute(profiles.GET, { url: "/api/profiles?page=0" })).toMatchObject({
      status: 400,
      fields: ["page"],
    });
    const none = await callRoute(profiles.GET, { url: "/api/profiles?technique=no-such-technique" });
    expect(none).toMatchObject({ status: 200, json: { items: [], total: 0 } });
  });
});

describe("GET /api/profiles/[id]", () => {
  it("answers 400 for a malformed id, 404 for an unknown one, 200 for a real one", async () => {
    const get = (id: string) => callRoute(profile.GET, { url: `/api/profiles/${id}`, params: { id } });
    expect(await get("a b")).toMatchObject({ status: 400, fields: ["id"] });
    expect(await get(UNKNOWN)).toMatchObject({ status: 404, code: "not_found", fields: ["id"] });
    expect(await get(profileId)).toMatchObject({ status: 200, json: { id: profileId } });
  });
});

describe("GET /api/sessions", () => {
  it("rejects an unknown query key and finds nothing for an unknown profile", async () => {
    expect(await callRoute(sessions.GET, { url: "/api/sessions?colour=red" })).toMatchObject({
      status: 400,
      fields: ["colour"],
    });
    expect(await callRoute(sessions.GET, { url: "/api/sessions?status=exploded" })).toMatchObject({
      status: 400,
      fields: ["status"],
    });
    const none = await callRoute(sessions.GET, { url: `/api/sessions?profileId=${UNKNOWN}` });
    expect(none).toMatchObject({ status: 200, json: { items: [], total: 0 } });
  });
});

describe("POST /api/sessions", () => {
  const post = (body: unknown, contentType?: string) =>
    callRoute(sessions.POST, { method: "POST", url: "/api/sessions", body, contentType });

  it("rejects a bad variant, an unknown field, a non-JSON body and an unknown profile", async () => {
    expect(await post({ profileId, variant: "best" })).toMatchObject({ status: 400, fields: ["variant"] });
    expect(await post({ profileId, variant: "magnet", x: 1 })).toMatchObject({ status: 400, fields: ["x"] });
    expect(await post(JSON.stringify({ profileId, variant: "magnet" }), "text/plain")).toMatchObject({
      status: 415,
      fields: ["content-type"],
    });
    expect(await post({ profileId: UNKNOWN, variant: "magnet" })).toMatchObject({
      status: 404,
      fields: ["profileId"],
    });
  });

  it("accepts only models the configured provider offers", async () => {
    const saved = process.env.LLM_BASE_URL;
    process.env.LLM_BASE_URL = "http://127.0.0.1:9/v1";
    process.env.LLM_MODELS = "served-model";
    try {
      const model = (modelId: string) => ({ provider: "openai-compatible", modelId });
      expect(
        await post({ profileId, variant: "magnet", models: { fuser: model("gpt-5-secret") } }),
      ).toMatchObject({
        status: 400,
        fields: ["models.fuser.modelId"],
      });
      expect(
        await post({ profileId, variant: "magnet", models: { fuser: model("served-model") } }),
      ).toMatchObject({
        status: 201,
      });
      expect(
        await post({
          profileId,
          variant: "magnet",
          models: { fuser: { provider: "openai", modelId: "gpt-4o" } },
        }),
      ).toMatchObject({
        status: 400,
        fields: ["models.fuser.modelId"],
      });
    } finally {
      if (saved === undefined) delete process.env.LLM_BASE_URL;
      else process.env.LLM_BASE_URL = saved;
      delete process.env.LLM_MODELS;
    }
  });

  it("creates a draft for a valid request", async () => {
    const created = await post({ profileId, variant: "magnet", maxRounds: 2 });
    expect(created.status).toBe(201);
  });
});

describe("GET /api/sessions/[id]", () => {
  it("answers 400 for a malformed id, 404 for an unknown one", async () => {
    const get = (id: string) => callRoute(session.GET, { url: `/api/sessions/${id}`, params: { id } });
    expect(await get("x".repeat(65))).toMatchObject({ status: 400, fields: ["id"] });
    expect(await get(UNKNOWN)).toMatchObject({ status: 404, fields: ["id"] });
    expect(await get(draftId)).toMatchObject({ status: 200 });
  });
});

describe("GET /api/agent-calls/[id]", () => {
  it("answers 400 for a malformed id, 404 for an unknown one", async () => {
    const get = (id: string) => callRoute(agentCall.GET, { url: `/api/agent-calls/${id}`, params: { id } });
    expect(await get("../etc")).toMatchObject({ status: 400, fields: ["id"] });
    expect(await get(UNKNOWN)).toMatchObject({ status: 404, fields: ["id"] });
  });
});

describe("POST /api/agent-calls/[id]/playground", () => {
  const body = {
    template: "### system\nHi\n### user\n{{history}}",
    model: { provider: "offline", modelId: "offline-simulator" },
    temperature: 0.7,
    samples: 3,
  };
  const post = (id: string, sent: unknown) =>
    callRoute(playground.POST, {
      method: "POST",
      url: `/api/agent-calls/${id}/playground`,
      params: { id },
      body: sent,
    });

  it("answers 400 naming the field for a malformed id or body, 404 for an unknown call", async () => {
    expect(await post("../etc", body)).toMatchObject({ status: 400, fields: ["id"] });
    expect(await post(UNKNOWN, { ...body, samples: 0 })).toMatchObject({ status: 400, fields: ["samples"] });
    expect(await post(UNKNOWN, { ...body, temperature: "hot" })).toMatchObject({
      status: 400,
      fields: ["temperature"],
    });
    expect(await post(UNKNOWN, body)).toMatchObject({ status: 404, fields: ["id"] });
  });
});

describe("POST /api/sessions/[id]/follow-up, PUT /api/sessions/[id]/summary", () => {
  it("answers 400 naming the field for a malformed id or body, 404 for an unknown session", async () => {
    const start = (id: string) =>
      callRoute(followUp.POST, {
        method: "POST",
        url: `/api/sessions/${id}/follow-up`,
        params: { id },
        body: {},
      });
    expect(await start("../etc")).toMatchObject({ status: 400, fields: ["id"] });
    expect(await start(UNKNOWN)).toMatchObject({ status: 404, fields: ["id"] });
    expect(await start(draftId)).toMatchObject({ status: 409, fields: ["status"] });
    const edit = (id: string, body: unknown) =>
      callRoute(summary.PUT, { method: "PUT", url: `/api/sessions/${id}/summary`, params: { id }, body });
    expect(await edit(UNKNOWN, { summary: "" })).toMatchObject({ status: 400, fields: ["summary"] });
    expect(await edit(UNKNOWN, { summary: "In brief." })).toMatchObject({ status: 404, fields: ["id"] });
    expect(await edit(draftId, { summary: "In brief." })).toMatchObject({ status: 400, fields: ["id"] });
  });
});

describe.each([
  ["stop", stop.POST],
  ["pause", pause.POST],
])("POST /api/sessions/[id]/%s", (action, handler) => {
  const post = (id: string, body?: string, contentType?: string) =>
    callRoute(handler, {
      method: "POST",
      url: `/api/sessions/${id}/${action}`,
      params: { id },
      body,
      contentType,
    });

  it("answers 400 for a malformed id or a form post, 404 for an unknown id, 409 for a draft", async () => {
    expect(await post("%")).toMatchObject({ status: 400, fields: ["id"] });
    expect(await post(draftId, "a=1", "application/x-www-form-urlencoded")).toMatchObject({ status: 415 });
    expect(await post(UNKNOWN)).toMatchObject({ status: 404, fields: ["id"] });
    expect(await post(draftId)).toMatchObject({ status: 409, code: "conflict" });
  });
});

describe("POST /api/sessions/[id]/run", () => {
  const post = (id: string, body?: unknown, contentType?: string) =>
    callRoute(run.POST, {
      method: "POST",
      url: `/api/sessions/${id}/run`,
      params: { id },
      body,
      contentType,
    });

  it("answers 400 for a bad mode, 415 for text/plain, 404 for an unknown id", async () => {
    expect(await post(draftId, { mode: "forever" })).toMatchObject({ status: 400, fields: ["mode"] });
    expect(await post(draftId, '{"mode":"to-end"}', "text/plain")).toMatchObject({ status: 415 });
    expect(await post("\u0000")).toMatchObject({ status: 400, fields: ["id"] });
    expect(await post(UNKNOWN, { mode: "next-round" })).toMatchObject({ status: 404, fields: ["id"] });
    expect(await getDb().session.findUniqueOrThrow({ where: { id: draftId } })).toMatchObject({
      status: "draft",
    });
  });
});

describe("POST /api/sessions/[id]/steer", () => {
  const post = (id: string, body?: unknown, contentType?: string) =>
    callRoute(steer.POST, {
      method: "POST",
      url: `/api/sessions/${id}/steer`,
      params: { id },
      body,
      contentType,
    });

  it("answers 400 naming the field, 415 for text/plain, 404 for an unknown id, 409 when nothing runs", async () => {
    const cont = { type: "continue", roundIndex: 1, point: "selection" };
    expect(await post(draftId, { type: "override-selection", roundIndex: 1, techniques: [] })).toMatchObject({
      status: 400,
      fields: ["techniques"],
    });
    expect(await post(draftId, { type: "write-client", roundIndex: 1, text: "a\u0000" })).toMatchObject({
      status: 400,
      fields: ["text"],
    });
    expect(await post(draftId, { ...cont, point: "fuser" })).toMatchObject({
      status: 400,
      fields: ["point"],
    });
    expect(await post(draftId, JSON.stringify(cont), "text/plain")).toMatchObject({ status: 415 });
    expect(await post(UNKNOWN, cont)).toMatchObject({ status: 404, fields: ["id"] });
    expect(await post(draftId, cont)).toMatchObject({ status: 409, code: "conflict" });
  });
});

describe("POST /api/sessions/[id]/rounds/[round]/regenerate", () => {
  const post = (id: string, round: string, body?: unknown) =>
    callRoute(regenerate.POST, {
      method: "POST",
      url: `/api/sessions/${id}/rounds/${round}/regenerate`,
      params: { id, round },
      body,
    });

  it("answers 400 naming the field, 404 for an unknown session", async () => {
    expect(await post(draftId, "1", { output: "fuser" })).toMatchObject({ status: 400, fields: ["output"] });
    expect(await post(draftId, "0", { output: "client" })).toMatchObject({ status: 400, fields: ["round"] });
    expect(await post(UNKNOWN, "1", { output: "client" })).toMatchObject({ status: 404, fields: ["id"] });
  });
});

describe("PUT /api/sessions/[id]/steering", () => {
  const put = (id: string, body?: unknown) =>
    callRoute(steering.PUT, { method: "PUT", url: `/api/sessions/${id}/steering`, params: { id }, body });

  it("stores step mode and seat; 400 naming the field, 404 for an unknown id", async () => {
    expect(await put(draftId, { seat: "pilot" })).toMatchObject({ status: 400, fields: ["seat"] });
    expect(await put(draftId, { pausePoints: ["later"] })).toMatchObject({
      status: 400,
      fields: ["pausePoints.0"],
    });
    expect(await put(UNKNOWN, {})).toMatchObject({ status: 404, fields: ["id"] });
    expect(await put(draftId, { pausePoints: ["client"], seat: "counselor" })).toMatchObject({ status: 200 });
    const { steering: stored } = await getDb().session.findUniqueOrThrow({ where: { id: draftId } });
    expect(stored).toEqual({ pausePoints: ["client"], seat: "counselor" });
  });
});

describe("GET /api/sessions/[id]/stream", () => {
  it("answers 400 for a malformed id, 404 for an unknown one", async () => {
    const get = (id: string) => callRoute(stream.GET, { url: `/api/sessions/${id}/stream`, params: { id } });
    expect(await get("\u0000")).toMatchObject({ status: 400, fields: ["id"] });
    expect(await get(UNKNOWN)).toMatchObject({ status: 404, fields: ["id"] });
  });
});

describe("GET /api/experiments/[id]/results", () => {
  it("answers 400 naming a malformed id or an unknown format, 404 for an unknown experiment", async () => {
    const get = (id: string, query = "") =>
      callRoute(results.GET, { url: `/api/experiments/${id}/results${query}`, params: { id } });
    expect(await get("\u0000")).toMatchObject({ status: 400, fields: ["id"] });
    const experiment = await getDb().experiment.create({ data: { name: "routes test", config: {} } });
    expect(await get(experiment.id, "?format=xlsx")).toMatchObject({ status: 400, fields: ["format"] });
    expect(await get(experiment.id, "?format=json&group=all")).toMatchObject({
      status: 400,
      fields: ["group"],
    });
    expect(await get(UNKNOWN)).toMatchObject({ status: 404, fields: ["id"] });
    expect(await get(experiment.id, "?format=csv")).toMatchObject({ status: 200 });
  });
});

describe("GET /api/results", () => {
  it("answers 400 naming an unknown format, filter value or list-only key", async () => {
    const get = (query: string) => callRoute(filteredResults.GET, { url: `/api/results?${query}` });
    expect(await get("format=xlsx")).toMatchObject({ status: 400, fields: ["format"] });
    expect(await get("variant=best")).toMatchObject({ status: 400, fields: ["variant"] });
    expect(await get("page=2")).toMatchObject({ status: 400, fields: ["page"] });
    expect(await get("experiment=%00")).toMatchObject({ status: 400, fields: ["experiment"] });
    expect(await get(`experiment=${UNKNOWN}`)).toMatchObject({ status: 200 });
  });
});

describe("GET /api/export", () => {
  it("answers 400 naming an unknown format and an unknown filter", async () => {
    expect(await callRoute(exportRoute.GET, { url: "/api/export?format=xlsx" })).toMatchObject({
      status: 400,
      fields: ["format"],
    });
    expect(await callRoute(exportRoute.GET, { url: "/api/export?format=csv&variant=best" })).toMatchObject({
      status: 400,
      fields: ["variant"],
    });
  });
});

describe("GET and POST /api/sessions/[id]/evaluations", () => {
  const url = (id: string) => `/api/sessions/${id}/evaluations`;
  it("answers 400 for a malformed id or an unknown metric, 404 for an unknown session", async () => {
    expect(await callRoute(evaluations.GET, { url: url("\u0000"), params: { id: "\u0000" } })).toMatchObject({
      status: 400,
      fields: ["id"],
    });
    expect(await callRoute(evaluations.GET, { url: url(UNKNOWN), params: { id: UNKNOWN } })).toMatchObject({
      status: 404,
      fields: ["id"],
    });
    const post = (id: string, body: unknown) =>
      callRoute(evaluations.POST, { method: "POST", url: url(id), params: { id }, body });
    expect(await post(draftId, { metrics: ["bleu"] })).toMatchObject({ status: 400, fields: ["metrics.0"] });
    expect(await post(UNKNOWN, { metrics: ["ctrs"], runs: 1 })).toMatchObject({
      status: 404,
      fields: ["id"],
    });
  });
});

describe("annotation queues", () => {
  it("answers 400 naming a bad overlap or filter, 404 for an unknown queue or annotator", async () => {
    const post = (body: unknown) =>
      callRoute(queues.POST, { method: "POST", url: "/api/annotation-queues", body });
    expect(await post({ name: "Q", annotatorIds: [UNKNOWN], overlap: 2 })).toMatchObject({
      status: 400,
      fields: ["overlap"],
    });
    expect(await post({ name: "Q", annotatorIds: [UNKNOWN], filter: { variant: "best" } })).toMatchObject({
      status: 400,
      fields: ["filter.variant"],
    });
    expect(await post({ name: "Q", annotatorIds: [UNKNOWN] })).toMatchObject({
      status: 404,
      fields: ["annotatorIds"],
    });
    const get = (id: string) => callRoute(queue.GET, { url: `/api/annotation-queues/${id}`, params: { id } });
    expect(await get("\u0000")).toMatchObject({ status: 400, fields: ["id"] });
    expect(await get(UNKNOWN)).toMatchObject({ status: 404, fields: ["id"] });
    const agree = (id: string) =>
      callRoute(agreement.GET, { url: `/api/annotation-queues/${id}/agreement`, params: { id } });
    expect(await agree("../x")).toMatchObject({ status: 400, fields: ["id"] });
    expect(await agree(UNKNOWN)).toMatchObject({ status: 404, fields: ["id"] });
  });
});

describe("annotations of a session", () => {
  it("answers 400 naming a bad round, value or item, 404 for an unknown session or round", async () => {
    const put = (id: string, round: string, body: unknown) =>
      callRoute(annotationRound.PUT, {
        method: "PUT",
        url: `/api/annotations/sessions/${id}/rounds/${round}`,
        params: { id, round },
        body,
      });
    expect(await put(draftId, "zero", { baseVersion: 0, data: {} })).toMatchObject({
      status: 400,
      fields: ["round"],
    });
    expect(await put(draftId, "1", { baseVersion: -1, data: {} })).toMatchObject({
      status: 400,
      fields: ["baseVersion"],
    });
    expect(await put(draftId, "1", { baseVersion: 0, data: { ratings: { empathy: 0 } } })).toMatchObject({
      status: 400,
      fields: ["data.ratings.empathy"],
    });
    expect(await put(UNKNOWN, "1", { baseVersion: 0, data: {} })).toMatchObject({
      status: 404,
      fields: ["id"],
    });
    expect(await put(draftId, "1", { baseVersion: 0, data: {} })).toMatchObject({
      status: 404,
      fields: ["round"],
    });
    const forms = (body: unknown) =>
      callRoute(annotationForms.PUT, {
        method: "PUT",
        url: `/api/annotations/sessions/${draftId}/forms`,
        params: { id: draftId },
        body,
      });
    expect(await forms({ baseVersion: 0, data: { bdi: {} } })).toMatchObject({
      status: 400,
      fields: ["data.bdi"],
    });
    const get = (id: string) =>
      callRoute(annotations.GET, { url: `/api/annotations/sessions/${id}`, params: { id } });
    expect(await get("a b")).toMatchObject({ status: 400, fields: ["id"] });
    expect(await get(UNKNOWN)).toMatchObject({ status: 404, fields: ["id"] });
    expect(await get(draftId)).toMatchObject({ status: 200, json: { rounds: {}, session: null } });
  });
});

describe("GET /api/annotations/export", () => {
  it("answers 400 naming an unknown format or query key, 404 for an unknown queue", async () => {
    const get = (query: string) =>
      callRoute(annotationExport.GET, { url: `/api/annotations/export?${query}` });
    expect(await get("format=xlsx")).toMatchObject({ status: 400, fields: ["format"] });
    expect(await get("format=annotations-csv&variant=magnet")).toMatchObject({
      status: 400,
      fields: ["variant"],
    });
    expect(await get(`format=annotations-csv&queueId=${UNKNOWN}`)).toMatchObject({
      status: 404,
      fields: ["id"],
    });
    expect(await get("format=annotations-jsonl")).toMatchObject({ status: 200 });
  });
});

describe("PUT /api/annotations/preferences", () => {
  it("answers 400 naming the same session twice or an unknown aspect, 404 for an unknown session", async () => {
    const put = (body: unknown) =>
      callRoute(preferences.PUT, { method: "PUT", url: "/api/annotations/preferences", body });
    expect(await put({ sessionIds: [draftId, draftId], baseVersion: 0, data: {} })).toMatchObject({
      status: 400,
      fields: ["sessionIds.1"],
    });
    expect(
      await put({ sessionIds: [draftId, UNKNOWN], baseVersion: 0, data: { preferences: { charm: "tie" } } }),
    ).toMatchObject({ status: 400, fields: ["data.preferences.charm"] });
    expect(await put({ sessionIds: [draftId, UNKNOWN], baseVersion: 0, data: {} })).toMatchObject({
      status: 404,
      fields: ["id"],
    });
  });
});

describe("GET and POST /api/diversity", () => {
  it("answers 400 naming the field for a bad filter, 422 for a set with no session", async () => {
    const post = (body: unknown) =>
      callRoute(diversity.POST, { method: "POST", url: "/api/diversity", body });
    expect(await post({ variant: "best" })).toMatchObject({ status: 400, fields: ["variant"] });
    expect(await post({ limit: 0 })).toMatchObject({ status: 400, fields: ["limit"] });
    expect(await post({ colour: "red" })).toMatchObject({ status: 400 });
    expect(await post({ variant: "psych8k_baseline" })).toMatchObject({ status: 422, fields: ["filter"] });
    expect(await callRoute(diversity.GET, { url: "/api/diversity?x=1" })).toMatchObject({ status: 400 });
  });
});

describe("the experiment routes", () => {
  const create = (body: unknown) =>
    callRoute(experiments.POST, { method: "POST", url: "/api/experiments", body });
  it("answer 400 naming a bad axis, 404 for an unknown profile or experiment", async () => {
    expect(await create({ name: "x", variants: ["best"] })).toMatchObject({
      status: 400,
      fields: ["variants.0"],
    });
    expect(await create({ name: "x", variants: ["magnet"], repeats: 0 })).toMatchObject({
      status: 400,
      fields: ["repeats"],
    });
    expect(await create({ name: "", variants: ["magnet"] })).toMatchObject({ status: 400, fields: ["name"] });
    expect(
      await create({
        name: "x",
        variants: ["magnet"],
        models: { planner: [{ provider: "nope", modelId: "m" }] },
      }),
    ).toMatchObject({ status: 400, fields: ["models.planner.0.provider"] });
    expect(await create({ name: "x", variants: ["magnet"], profiles: [UNKNOWN] })).toMatchObject({
      status: 404,
      fields: ["profiles"],
    });
    expect(await callRoute(experiments.GET, { url: "/api/experiments?page=0" })).toMatchObject({
      status: 400,
      fields: ["page"],
    });
    const get = (id: string) => callRoute(experiment.GET, { url: `/api/experiments/${id}`, params: { id } });
    expect(await get("\u0000")).toMatchObject({ status: 400, fields: ["id"] });
    expect(await get(UNKNOWN)).toMatchObject({ status: 404, fields: ["id"] });
    const control = (id: string, body: unknown) =>
      callRoute(experimentControl.POST, {
        method: "POST",
        url: `/api/experiments/${id}/control`,
        params: { id },
        body,
      });
    expect(await control(UNKNOWN, { action: "explode" })).toMatchObject({ status: 400, fields: ["action"] });
    expect(await control(UNKNOWN, { action: "pause" })).toMatchObject({ status: 404, fields: ["id"] });
  });
});
