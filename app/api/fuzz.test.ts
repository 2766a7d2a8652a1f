import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as playground from "@/app/api/agent-calls/[id]/playground/route";
import * as agentCall from "@/app/api/agent-calls/[id]/route";
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
import * as profile from "@/app/api/profiles/[id]/route";
import * as profiles from "@/app/api/profiles/route";
import * as promptActivate from "@/app/api/prompts/versions/activate/route";
import * as promptVersions from "@/app/api/prompts/versions/route";
import * as filteredResults from "@/app/api/results/route";
import * as followUp from "@/app/api/sessions/[id]/follow-up/route";
import * as fork from "@/app/api/sessions/[id]/fork/route";
import * as pause from "@/app/api/sessions/[id]/pause/route";
import * as regenerate from "@/app/api/sessions/[id]/rounds/[round]/regenerate/route";
import * as timeline from "@/app/api/sessions/[id]/rounds/[round]/timeline/route";
import * as session from "@/app/api/sessions/[id]/route";
import * as run from "@/app/api/sessions/[id]/run/route";
import * as steer from "@/app/api/sessions/[id]/steer/route";
import * as steering from "@/app/api/sessions/[id]/steering/route";
import * as stop from "@/app/api/sessions/[id]/stop/route";
import * as stream from "@/app/api/sessions/[id]/stream/route";
import * as summary from "@/app/api/sessions/[id]/summary/route";
import * as sessions from "@/app/api/sessions/route";
import { LIKERT_KEYS, SAFETY_CATEGORIES } from "@/lib/annotations/schema";
import { SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import { getDb } from "@/lib/db/client";
import { getEventHub } from "@/lib/live/event-hub";
import { METHOD_SWITCH_NAMES } from "@/lib/pipeline/types";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { closeEventPublisher } from "@/lib/runs/live-run";
import { SESSION_AGENTS, SESSION_VARIANTS } from "@/lib/sessions/schema";
import { callRoute, type TestRequest, type TestResponse } from "@/lib/testing/call-route";

// Property-based fuzzing of every route's params, query and body (app/api/import is fuzzed by its
// owner): never a 500; a 4xx is a JSON error naming what is wrong; a rejected request leaves the
// database as it was. Run counts are bounded so the file stays within a few seconds.

// A new seed each run widens the search over time; a failure prints its seed, and FUZZ_SEED=<seed>
// replays it.
// The fuzzer sends more generation requests a minute than a person may (the limit has its own test
// in roles.test.ts); with the default budget its later runs would only meet the 429.
process.env.GENERATION_RATE_LIMIT = "1000000";

const RUNS = { numRuns: 60, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) };
const UNKNOWN = "cunknown000000000000000000";
let profileId = "";
let draftId = "";

beforeAll(async () => {
  await seedSampleProfiles();
  profileId = (await getDb().clientProfile.findFirstOrThrow({ orderBy: { name: "asc" } })).id;
  draftId = (
    await getDb().session.create({
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
    })
  ).id;
});

afterAll(async () => {
  await closeEventPublisher();
  await (await getEventHub()).close();
});

// Strings a hostile or careless client sends: control characters and NUL, lone surrogates, URL
// escapes, path tricks, numbers in disguise, very long text.
const junk = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "%00",
    "a\u0000b",
    "",
    " ",
    "\ud800",
    "../etc/passwd",
    "%2e%2e%2f",
    "0",
    "-1",
    "NaN",
    "1e999",
    "Infinity",
    "[]",
    "{}",
    "null",
    "true",
    "__proto__",
    "constructor",
    "x".repeat(5_000),
  ),
);
const idLike = fc.oneof(junk, fc.constantFrom(UNKNOWN, "a", "A_b-9", "x".repeat(64), "x".repeat(65)));

function queryOf(keys: readonly string[]) {
  const value = fc.oneof(junk, fc.array(junk, { minLength: 2, maxLength: 3 }));
  return fc
    .dictionary(keys.length ? fc.oneof(fc.constantFrom(...keys), junk) : junk, value, { maxKeys: 5 })
    .map((record) => {
      const params = new URLSearchParams();
      for (const [key, values] of Object.entries(record)) {
        for (const item of Array.isArray(values) ? values : [values]) params.append(key, item);
      }
      return params.toString();
    });
}

const jsonJunk = fc.jsonValue({ maxDepth: 3 });
const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "",
);
/** A body as sent: valid JSON of arbitrary shape, or bytes that are not JSON at all. */
function bodyOf(shaped: fc.Arbitrary<unknown>) {
  return fc.record({
    body: fc.oneof(
      shaped.map((value) => JSON.stringify(value) ?? "null"),
      jsonJunk.map((value) => JSON.stringify(value)),
      junk,
    ),
    contentType: fc.oneof(
      { weight: 4, arbitrary: fc.constant("application/json") },
      { weight: 1, arbitrary: contentType },
    ),
  });
}

const modelRef = fc.record(
  { provider: fc.oneof(fc.constantFrom("openai", "openai-compatible", "offline"), junk), modelId: junk },
  { requiredKeys: [] },
);
const createSessionBody = fc.record(
  {
    profileId: fc.oneof(fc.constant("<profile>"), idLike),
    variant: fc.oneof(fc.constantFrom(...SESSION_VARIANTS), junk),
    models: fc.oneof(
      fc.dictionary(fc.oneof(fc.constantFrom(...SESSION_AGENTS), junk), modelRef, { maxKeys: 3 }),
      jsonJunk,
    ),
    maxRounds: fc.oneof(fc.integer({ min: -5, max: 50 }), fc.double(), junk),
    minRoundsBeforeEnd: fc.oneof(fc.integer({ min: -5, max: 50 }), fc.double(), junk),
    switches: fc.oneof(
      fc.dictionary(
        fc.oneof(fc.constantFrom(...METHOD_SWITCH_NAMES), junk),
        fc.oneof(fc.boolean(), jsonJunk),
        {
          maxKeys: 3,
        },
      ),
      jsonJunk,
    ),
    extra: jsonJunk,
  },
  { requiredKeys: [] },
);

/** Requests that should succeed, so that the fuzzer also walks the paths past validation. */
const validCreateSessionBody = fc.record(
  {
    profileId: fc.constant("<profile>"),
    variant: fc.constantFrom(...SESSION_VARIANTS),
    models: fc.dictionary(
      fc.constantFrom(...SESSION_AGENTS),
      fc.record({ provider: fc.constant("offline"), modelId: fc.string({ minLength: 1, maxLength: 20 }) }),
      { maxKeys: 2 },
    ),
    maxRounds: fc.integer({ min: 1, max: 40 }),
    switches: fc.dictionary(fc.constantFrom(...METHOD_SWITCH_NAMES), fc.boolean()),
  },
  { requiredKeys: ["profileId", "variant"] },
);

/** What the database holds, as one comparable value: every row of every table the API writes. */
async function databaseState(): Promise<string> {
  const rows = await getDb().$queryRawUnsafe<{ state: string | null }[]>(
    `SELECT concat_ws('|',
       (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM "ClientProfile" t),
       (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM "Session" t),
       (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM "Round" t),
       (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM "AgentCall" t),
       (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM "PromptVersion" t),
       (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM "Annotation" t),
       (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM "AnnotationQueue" t),
       (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM "PairwisePreference" t),
       (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) FROM "Experiment" t)
     ) AS state`,
  );
  return rows[0]?.state ?? "";
}

/** The properties every answer must have; returns the answer for further checks. */
function expectWellFormed(response: TestResponse, request: TestRequest): TestResponse {
  const what = `${request.method ?? "GET"} ${request.url} params=${JSON.stringify(request.params)} body=${JSON.stringify(request.body)?.slice(0, 200)} → ${response.status} ${JSON.stringify(response.json)?.slice(0, 300)}`;
  expect(response.status, what).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.code, what).toMatch(/^[a-z_]+$/);
    expect(response.fields.length, what).toBeGreaterThan(0);
    expect(
      response.fields.every((field) => field.length > 0),
      what,
    ).toBe(true);
  }
  return response;
}

type Handler = Parameters<typeof callRoute>[0];

/** Calls the route and checks the answer; a rejected request must not have changed the database. */
async function fuzzCall(handler: Handler, request: TestRequest): Promise<TestResponse> {
  const before = await databaseState();
  const response = expectWellFormed(await callRoute(handler, request), request);
  if (response.status >= 400)
    expect(await databaseState(), "a rejected request changed the database").toBe(before);
  return response;
}

describe("fuzzing the API: never a 500, a 4xx names the problem, a rejected request changes nothing", () => {
  it("GET /api/profiles", async () => {
    const keys = ["search", "attitude", "technique", "source", "page", "pageSize"];
    await fc.assert(
      fc.asyncProperty(queryOf(keys), async (query) => {
        await fuzzCall(profiles.GET, { url: `/api/profiles?${query}` });
      }),
      RUNS,
    );
  });

  it("GET /api/sessions", async () => {
    const keys = [
      "search",
      "status",
      "variant",
      "attitude",
      "source",
      "profileId",
      "experiment",
      "sort",
      "order",
      "page",
      "pageSize",
    ];
    await fc.assert(
      fc.asyncProperty(queryOf(keys), async (query) => {
        await fuzzCall(sessions.GET, { url: `/api/sessions?${query}` });
      }),
      RUNS,
    );
  });

  it("GET /api/results", async () => {
    const keys = ["search", "status", "variant", "attitude", "source", "profileId", "experiment", "format"];
    await fc.assert(
      fc.asyncProperty(queryOf(keys), async (query) => {
        await fuzzCall(filteredResults.GET, { url: `/api/results?${query}` });
      }),
      RUNS,
    );
  });

  it("POST /api/sessions", async () => {
    await fc.assert(
      fc.asyncProperty(
        bodyOf(fc.oneof(validCreateSessionBody, createSessionBody)),
        queryOf([]),
        async ({ body, contentType }, query) => {
          const sent = body.replaceAll('"<profile>"', JSON.stringify(profileId));
          const response = await fuzzCall(sessions.POST, {
            method: "POST",
            url: `/api/sessions?${query}`,
            body: sent,
            contentType: contentType || undefined,
          });
          if (response.status < 400) expect(response.status).toBe(201);
        },
      ),
      RUNS,
    );
  });

  it.each([
    ["GET /api/profiles/[id]", profile.GET],
    ["GET /api/sessions/[id]", session.GET],
    ["GET /api/agent-calls/[id]", agentCall.GET],
    ["GET /api/sessions/[id]/stream", stream.GET],
    ["GET /api/experiments/[id]/results", results.GET],
  ])("%s", async (_name, handler) => {
    const existing = fc.constantFrom(profileId, draftId);
    await fc.assert(
      fc.asyncProperty(fc.oneof(idLike, existing), queryOf(["id"]), async (id, query) => {
        await fuzzCall(handler, { url: `/api/x?${query}`, params: { id } });
      }),
      RUNS,
    );
  });

  it.each([
    ["POST /api/sessions/[id]/stop", stop.POST],
    ["POST /api/sessions/[id]/pause", pause.POST],
  ])("%s", async (_name, handler) => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(idLike, fc.constant(draftId)),
        fc.option(bodyOf(jsonJunk), { nil: undefined }),
        async (id, sent) => {
          const response = await fuzzCall(handler, {
            method: "POST",
            url: "/api/x",
            params: { id },
            body: sent?.body,
            contentType: sent?.contentType || undefined,
          });
          // Nothing is running here, so nothing can be stopped or paused.
          expect(response.status).toBeGreaterThanOrEqual(400);
        },
      ),
      RUNS,
    );
  });

  it("GET and POST /api/experiments, GET /api/experiments/[id], POST /api/experiments/[id]/control", async () => {
    await fc.assert(
      fc.asyncProperty(queryOf(["page", "pageSize"]), async (query) => {
        await fuzzCall(experiments.GET, { url: `/api/x?${query}` });
      }),
      RUNS,
    );
    // Profiles that do not exist: every body is refused (a valid one with 404), so nothing is queued.
    const design = fc.record(
      {
        name: junk,
        variants: fc.oneof(
          fc.array(fc.oneof(fc.constantFrom(...SESSION_VARIANTS), junk), { maxLength: 3 }),
          jsonJunk,
        ),
        attitudes: fc.oneof(fc.array(fc.constantFrom("positive", "neutral", "negative", "x")), jsonJunk),
        profiles: fc.oneof(fc.array(idLike, { minLength: 1, maxLength: 2 }), jsonJunk),
        limit: fc.oneof(fc.integer({ min: -2, max: 9 }), junk),
        repeats: fc.oneof(fc.integer({ min: -2, max: 200 }), junk),
        rounds: fc.oneof(fc.integer({ min: -2, max: 60 }), junk),
        models: fc.oneof(
          fc.dictionary(fc.oneof(fc.constantFrom(...SESSION_AGENTS), junk), fc.array(modelRef)),
          jsonJunk,
        ),
        evaluate: fc.oneof(fc.array(fc.constantFrom("ctrs", "wai", "bleu")), jsonJunk),
        extra: jsonJunk,
      },
      { requiredKeys: ["profiles"] },
    );
    await fc.assert(
      fc.asyncProperty(bodyOf(design), async ({ body, contentType }) => {
        const response = await fuzzCall(experiments.POST, {
          method: "POST",
          url: "/api/x",
          body,
          contentType: contentType || undefined,
        });
        expect(response.status).toBeGreaterThanOrEqual(400);
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(idLike, queryOf(["id"]), async (id, query) => {
        await fuzzCall(experiment.GET, { url: `/api/x?${query}`, params: { id } });
      }),
      RUNS,
    );
    const action = fc.record(
      { action: fc.oneof(fc.constantFrom("pause", "resume", "cancel"), junk) },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(idLike, fc.option(bodyOf(action), { nil: undefined }), async (id, sent) => {
        const response = await fuzzCall(experimentControl.POST, {
          method: "POST",
          url: "/api/x",
          params: { id },
          body: sent?.body,
          contentType: sent?.contentType || undefined,
        });
        expect(response.status).toBeGreaterThanOrEqual(400);
      }),
      RUNS,
    );
  });

  it("GET /api/sessions/[id]/rounds/[round]/timeline", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(idLike, fc.constant(draftId)),
        fc.oneof(junk, fc.integer().map(String)),
        async (id, round) => {
          await fuzzCall(timeline.GET, { url: "/api/x", params: { id, round } });
        },
      ),
      RUNS,
    );
  });

  it("GET and POST /api/prompts/versions, POST /api/prompts/versions/activate", async () => {
    const role = fc.oneof(fc.constantFrom("fuser", "specialist:reflection", "client"), junk);
    await fc.assert(
      fc.asyncProperty(queryOf(["role"]), async (query) => {
        await fuzzCall(promptVersions.GET, { url: `/api/x?${query}` });
      }),
      RUNS,
    );
    const created = fc.record(
      { role, template: fc.oneof(junk, fc.constant("### system\n{{x}}\n### user\n")), note: junk },
      { requiredKeys: [] },
    );
    const activated = fc.record(
      { role, version: fc.oneof(fc.integer({ min: -1, max: 99 }), junk) },
      { requiredKeys: [] },
    );
    for (const [handler, shape] of [
      [promptVersions.POST, created],
      [promptActivate.POST, activated],
    ] as const) {
      await fc.assert(
        fc.asyncProperty(fc.option(bodyOf(shape), { nil: undefined }), async (sent) => {
          await fuzzCall(handler, {
            method: "POST",
            url: "/api/x",
            body: sent?.body,
            contentType: sent?.contentType || undefined,
          });
        }),
        RUNS,
      );
    }
  });

  it("POST /api/sessions/[id]/fork", async () => {
    // The draft has no committed round, so no fork can succeed: every answer is a 4xx.
    const body = fc.record(
      {
        round: fc.oneof(fc.integer({ min: -2, max: 50 }), junk),
        maxRounds: fc.oneof(fc.integer(), junk),
        extra: jsonJunk,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(idLike, fc.constant(draftId)),
        fc.option(bodyOf(body), { nil: undefined }),
        async (id, sent) => {
          const response = await fuzzCall(fork.POST, {
            method: "POST",
            url: "/api/x",
            params: { id },
            body: sent?.body,
            contentType: sent?.contentType || undefined,
          });
          expect(response.status).toBeGreaterThanOrEqual(400);
        },
      ),
      RUNS,
    );
  });

  it("POST /api/agent-calls/[id]/playground", async () => {
    // No call is stored here, so no sample can run: every answer is a 4xx, and nothing is written.
    const body = fc.record(
      {
        template: fc.oneof(junk, fc.constant("### system\n{{history}}\n### user\n{{x}}")),
        model: fc.oneof(fc.constant({ provider: "offline", modelId: "offline-simulator" }), jsonJunk),
        temperature: fc.oneof(fc.double({ min: -1, max: 3 }), junk),
        samples: fc.oneof(fc.integer({ min: -1, max: 12 }), junk),
        extra: jsonJunk,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(idLike, fc.constant(draftId)),
        fc.option(bodyOf(body), { nil: undefined }),
        async (id, sent) => {
          const response = await fuzzCall(playground.POST, {
            method: "POST",
            url: "/api/x",
            params: { id },
            body: sent?.body,
            contentType: sent?.contentType || undefined,
          });
          expect(response.status).toBeGreaterThanOrEqual(400);
        },
      ),
      RUNS,
    );
  });

  it("POST /api/sessions/[id]/follow-up, PUT /api/sessions/[id]/summary", async () => {
    // The draft has not finished and is no follow-up: every answer is a 4xx, and nothing is written.
    const body = fc.record(
      { summary: fc.oneof(junk, fc.constant("In brief.")), extra: jsonJunk },
      { requiredKeys: [] },
    );
    for (const [handler, method] of [
      [followUp.POST, "POST"],
      [summary.PUT, "PUT"],
    ] as const) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(idLike, fc.constant(draftId)),
          fc.option(bodyOf(body), { nil: undefined }),
          async (id, sent) => {
            const response = await fuzzCall(handler, {
              method,
              url: "/api/x",
              params: { id },
              body: sent?.body,
              contentType: sent?.contentType || undefined,
            });
            expect(response.status).toBeGreaterThanOrEqual(400);
          },
        ),
        RUNS,
      );
    }
  });

  it("POST /api/sessions/[id]/steer, PUT /api/sessions/[id]/steering", async () => {
    // Nothing runs the draft, so no steering command can apply: every answer is a 4xx.
    const command = fc.record(
      {
        type: fc.oneof(
          fc.constantFrom("override-selection", "write-client", "continue", "run-to-end", "regenerate"),
          junk,
        ),
        roundIndex: fc.oneof(fc.integer({ min: -1, max: 3 }), junk),
        output: fc.oneof(fc.constantFrom("selection", "candidate:reflection"), junk),
        techniques: fc.oneof(fc.constant(["reflection"]), jsonJunk),
        text: junk,
        point: fc.oneof(fc.constantFrom("selection", "client"), junk),
      },
      { requiredKeys: [] },
    );
    const settings = fc.record(
      {
        pausePoints: fc.oneof(fc.constant(["selection", "client"]), jsonJunk),
        seat: fc.oneof(fc.constantFrom("agents", "client", "counselor"), junk),
      },
      { requiredKeys: [] },
    );
    for (const [handler, shape, method] of [
      [steer.POST, command, "POST"],
      [steering.PUT, settings, "PUT"],
    ] as const) {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(idLike, fc.constant(draftId)),
          fc.option(bodyOf(shape), { nil: undefined }),
          async (id, sent) => {
            const response = await fuzzCall(handler, {
              method,
              url: "/api/x",
              params: { id },
              body: sent?.body,
              contentType: sent?.contentType || undefined,
            });
            if (method === "POST") expect(response.status).toBeGreaterThanOrEqual(400);
          },
        ),
        RUNS,
      );
    }
  });

  it("POST /api/sessions/[id]/rounds/[round]/regenerate", async () => {
    // The draft has no round, so nothing can be regenerated: every answer is a 4xx.
    const body = fc.record(
      {
        output: fc.oneof(fc.constantFrom("client", "selection", "candidate:reflection"), junk),
        extra: jsonJunk,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(idLike, fc.constant(draftId)),
        fc.oneof(junk, fc.integer({ min: -1, max: 3 }).map(String)),
        fc.option(bodyOf(body), { nil: undefined }),
        async (id, round, sent) => {
          const response = await fuzzCall(regenerate.POST, {
            method: "POST",
            url: "/api/x",
            params: { id, round },
            body: sent?.body,
            contentType: sent?.contentType || undefined,
          });
          expect(response.status).toBeGreaterThanOrEqual(400);
        },
      ),
      RUNS,
    );
  });

  it("POST /api/sessions/[id]/run", async () => {
    // Ids that exist would start real runs; the draft's own 202 is covered by the e2e tests.
    const body = fc.record(
      { mode: fc.oneof(fc.constantFrom("to-end", "next-round"), junk), extra: jsonJunk },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(idLike, fc.option(bodyOf(body), { nil: undefined }), async (id, sent) => {
        const response = await fuzzCall(run.POST, {
          method: "POST",
          url: "/api/x",
          params: { id },
          body: sent?.body,
          contentType: sent?.contentType || undefined,
        });
        expect(response.status).toBeGreaterThanOrEqual(400);
      }),
      RUNS,
    );
  });

  it("POST /api/diversity", async () => {
    // No session here has rounds, so a well-formed filter measures nothing: every answer is a 4xx.
    const body = fc.record(
      {
        variant: fc.oneof(fc.constantFrom("magnet", "cactus_baseline"), junk),
        attitude: fc.oneof(fc.constantFrom("negative", "positive"), junk),
        source: fc.oneof(fc.constantFrom("generated", "imported"), junk),
        limit: fc.oneof(fc.integer({ min: -1, max: 3 }), junk),
        extra: jsonJunk,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.option(bodyOf(body), { nil: undefined }), async (sent) => {
        const response = await fuzzCall(diversity.POST, {
          method: "POST",
          url: "/api/x",
          body: sent?.body,
          contentType: sent?.contentType || undefined,
        });
        expect(response.status).toBeGreaterThanOrEqual(400);
      }),
      RUNS,
    );
  });

  it("GET /api/annotation-queues, POST /api/annotation-queues, GET /api/annotation-queues/[id]", async () => {
    await fc.assert(
      fc.asyncProperty(queryOf([]), async (query) => {
        await fuzzCall(queues.GET, { url: `/api/x?${query}` });
      }),
      RUNS,
    );
    const body = fc.record(
      {
        name: junk,
        annotatorIds: fc.oneof(fc.array(idLike, { maxLength: 3 }), jsonJunk),
        overlap: fc.oneof(fc.integer({ min: -1, max: 5 }), junk),
        filter: fc.oneof(fc.dictionary(fc.constantFrom("variant", "status", "search"), junk), jsonJunk),
        experimentId: idLike,
        limit: fc.oneof(fc.integer(), junk),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.option(bodyOf(body), { nil: undefined }), async (sent) => {
        await fuzzCall(queues.POST, {
          method: "POST",
          url: "/api/x",
          body: sent?.body,
          contentType: sent?.contentType || undefined,
        });
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(idLike, async (id) => {
        await fuzzCall(queue.GET, { url: "/api/x", params: { id } });
      }),
      RUNS,
    );
  });

  it("GET and PUT /api/annotations/sessions/[id]/…", async () => {
    const db = getDb();
    const { id: roundedId } = await db.session.create({
      data: {
        profileId,
        variant: "magnet",
        status: "completed",
        config: {},
        roundCount: 1,
        openingCounselor: "Hi",
        openingClient: "Hello",
        rounds: { create: { index: 1, counselorReply: "C", clientReply: "K", selectedTechniques: [] } },
      },
    });
    const score = fc.oneof(fc.integer({ min: -1, max: 8 }), fc.double(), junk);
    const data = fc.record(
      {
        ratings: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom(...LIKERT_KEYS), junk), score), jsonJunk),
        techniques: fc.oneof(fc.array(fc.oneof(fc.constantFrom(...SPECIALIST_TECHNIQUES), junk)), jsonJunk),
        bestCandidate: fc.oneof(fc.constantFrom(...SPECIALIST_TECHNIQUES), junk, fc.constant(null)),
        safety: fc.oneof(
          fc.record({ category: fc.oneof(fc.constantFrom(...SAFETY_CATEGORIES), junk), note: junk }),
          fc.constant(null),
          jsonJunk,
        ),
        goldRewrite: junk,
        comment: junk,
        spanComments: fc.oneof(
          fc.array(fc.record({ quote: junk, start: fc.integer(), end: fc.integer(), text: junk })),
          jsonJunk,
        ),
        ctrs: fc.oneof(fc.dictionary(fc.constantFrom("understanding", "focus"), score), jsonJunk),
        extra: jsonJunk,
      },
      { requiredKeys: [] },
    );
    const body = fc.record(
      { baseVersion: fc.oneof(fc.integer({ min: -1, max: 3 }), junk), data, extra: jsonJunk },
      { requiredKeys: ["baseVersion", "data"] },
    );
    const id = fc.oneof(idLike, fc.constant(roundedId));
    await fc.assert(
      fc.asyncProperty(
        id,
        fc.oneof(junk, fc.constantFrom("1", "2")),
        bodyOf(body),
        async (sid, round, sent) => {
          await fuzzCall(annotationRound.PUT, {
            method: "PUT",
            url: "/api/x",
            params: { id: sid, round },
            body: sent.body,
            contentType: sent.contentType || undefined,
          });
          await fuzzCall(annotationForms.PUT, {
            method: "PUT",
            url: "/api/x",
            params: { id: sid },
            body: sent.body,
            contentType: sent.contentType || undefined,
          });
          await fuzzCall(annotations.GET, { url: "/api/x", params: { id: sid } });
        },
      ),
      RUNS,
    );
  });

  it("PUT /api/annotations/preferences and GET /api/annotations/export", async () => {
    const body = fc.record(
      {
        sessionIds: fc.oneof(fc.tuple(fc.oneof(idLike, fc.constant(draftId)), idLike), jsonJunk),
        baseVersion: fc.oneof(fc.integer({ min: -1, max: 2 }), junk),
        data: fc.oneof(
          fc.record({
            preferences: fc.dictionary(fc.oneof(fc.constantFrom("overall", "focus"), junk), junk),
          }),
          jsonJunk,
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(bodyOf(body), async (sent) => {
        await fuzzCall(preferences.PUT, {
          method: "PUT",
          url: "/api/x",
          body: sent.body,
          contentType: sent.contentType || undefined,
        });
      }),
      RUNS,
    );
    await fc.assert(
      fc.asyncProperty(queryOf(["format", "queueId"]), async (query) => {
        await fuzzCall(annotationExport.GET, { url: `/api/x?${query}` });
      }),
      RUNS,
    );
  });
});
