import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as experiment from "@/app/api/experiments/[id]/route";
import * as experiments from "@/app/api/experiments/route";
import * as promptVersions from "@/app/api/prompts/versions/route";
import * as evaluations from "@/app/api/sessions/[id]/evaluations/route";
import * as sessions from "@/app/api/sessions/route";
import { sessionEvaluationsSchema } from "@/lib/eval/schema";
import { closeQueue } from "@/lib/experiments/queue";
import {
  createdExperimentSchema,
  experimentDetailSchema,
  experimentListResponseSchema,
} from "@/lib/experiments/schema";
import { DEFAULT_PROMPTS } from "@/lib/prompts";
import { createdPromptVersionSchema } from "@/lib/prompts/schema";
import { templateToText } from "@/lib/prompts/template";
import { closeEventPublisher, runSessionLive } from "@/lib/runs/live-run";
import { createdSessionSchema, sessionListResponseSchema } from "@/lib/sessions/schema";
import { callRoute } from "@/lib/testing/call-route";
import { sampleProfileId, simulateOffline } from "@/lib/testing/sessions";

// The answers the browser reads with fetchParsed: each route checks its answer against its response
// schema before sending it (outside production), and the browser parses the JSON it receives with
// the same schema. Both must accept a real answer, or the page shows an error instead of the data.

let profileId = "";
beforeAll(async () => {
  simulateOffline();
  profileId = await sampleProfileId();
});

afterAll(async () => {
  await closeQueue({ graceful: false });
  await closeEventPublisher();
});

describe("answers the browser parses", () => {
  it("a new session, the session list and a session's judged scores", async () => {
    const created = await callRoute(sessions.POST, {
      method: "POST",
      url: "/api/sessions",
      body: { profileId, variant: "magnet", maxRounds: 1 },
    });
    expect(created.status).toBe(201);
    const { id } = createdSessionSchema.parse(created.json);
    await runSessionLive({ sessionId: id, mode: "to-end" });

    const list = await callRoute(sessions.GET, { url: "/api/sessions" });
    expect(list.status).toBe(200);
    expect(sessionListResponseSchema.parse(list.json).items.map((s) => s.id)).toContain(id);

    const judged = await callRoute(evaluations.POST, {
      method: "POST",
      url: `/api/sessions/${id}/evaluations`,
      params: { id },
      body: { metrics: ["wai"], runs: 1 },
    });
    expect(judged.status).toBe(200);
    expect(sessionEvaluationsSchema.parse(judged.json).judges[0]?.scales[0]?.items.length).toBeGreaterThan(0);
    const read = await callRoute(evaluations.GET, { url: `/api/sessions/${id}/evaluations`, params: { id } });
    expect(sessionEvaluationsSchema.parse(read.json)).toEqual(sessionEvaluationsSchema.parse(judged.json));
  }, 60_000);

  it("a new experiment, the experiment list and an experiment's page", async () => {
    const created = await callRoute(experiments.POST, {
      method: "POST",
      url: "/api/experiments",
      body: { name: "answers", profiles: [profileId], variants: ["magnet"], rounds: 1 },
    });
    expect(created.status).toBe(201);
    const { id, sessions: count } = createdExperimentSchema.parse(created.json);
    expect(count).toBe(1);

    const list = await callRoute(experiments.GET, { url: "/api/experiments" });
    expect(list.status).toBe(200);
    expect(experimentListResponseSchema.parse(list.json).items.map((e) => e.id)).toContain(id);

    const page = await callRoute(experiment.GET, { url: `/api/experiments/${id}`, params: { id } });
    expect(page.status).toBe(200);
    expect(experimentDetailSchema.parse(page.json).sessions).toHaveLength(1);
  });

  it("a new prompt version", async () => {
    const saved = await callRoute(promptVersions.POST, {
      method: "POST",
      url: "/api/prompts/versions",
      body: { role: "planner", template: templateToText(DEFAULT_PROMPTS.planner) },
    });
    expect(saved.status).toBe(201);
    expect(createdPromptVersionSchema.parse(saved.json)).toMatchObject({ role: "planner" });
  });
});
