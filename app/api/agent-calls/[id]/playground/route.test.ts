import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { WireDecoder } from "@/lib/live/live-wire";
import type { PipelineEvent } from "@/lib/pipeline/events";
import { getPlaygroundCallById } from "@/lib/playground/source";
import { callRoute, testKeyFor } from "@/lib/testing/call-route";
import { finishedSession, sampleProfileId, simulateOffline, storedText } from "@/lib/testing/sessions";
import * as playground from "./route";

let sessionId = "";

beforeAll(async () => {
  simulateOffline();
  sessionId = await finishedSession(await sampleProfileId(), 1);
});

afterAll(() => {
  delete process.env.SIMULATOR_LATENCY_MS;
  delete process.env.SIMULATOR_TOKENS_PER_SECOND;
});

async function callOf(role: string) {
  return getDb().agentCall.findFirstOrThrow({ where: { sessionId, role, status: "succeeded" } });
}

/** Posts a playground run and reads its stream to the end, decoded as the page decodes it. */
async function runPlayground(callId: string, body: unknown) {
  const response = await playground.POST(
    new Request(`http://127.0.0.1:3000/api/agent-calls/${callId}/playground`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await testKeyFor("researcher")}`,
        "content-type": "application/json",
      },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: callId }) },
  );
  expect(response.status).toBe(200);
  const decoder = new WireDecoder();
  const events: PipelineEvent[] = [];
  for (const line of (await response.text()).split("\n")) {
    const decoded = decoder.decode(line);
    if (decoded?.kind === "event") events.push(decoded.event);
  }
  return events;
}

describe("the playground", () => {
  it("reads back the inputs of every agent's stored call", async () => {
    const calls = await getDb().agentCall.findMany({ where: { sessionId, status: "succeeded" } });
    expect(new Set(calls.map((c) => c.role)).size).toBe(9);
    for (const call of calls) {
      const { source } = await getPlaygroundCallById({ id: call.id });
      expect(source.values, call.role).not.toBeNull();
    }
    const client = await getPlaygroundCallById({ id: (await callOf("client")).id });
    expect(client.values.history).toContain("Counselor:");
    expect(client.values.max_rounds).toBe("1");
  });

  it("runs 3 samples of an edited template on the offline simulator; the session's rows are unchanged", async () => {
    const fuser = await callOf("fuser");
    const { source } = await getPlaygroundCallById({ id: fuser.id });
    const before = await storedText(sessionId);
    const edited = `${source.template.trimEnd()}\nAnswer warmly.\n`;

    const events = await runPlayground(fuser.id, {
      template: edited,
      model: { provider: "offline", modelId: "offline-simulator" },
      temperature: 0.3,
      samples: 3,
    });

    const started = events.filter((e) => e.type === "call-started").map((e) => e.callId);
    expect(started.sort()).toEqual(["sample-1", "sample-2", "sample-3"]);
    expect(events.filter((e) => e.type === "call-delta").length).toBeGreaterThanOrEqual(3);
    const finished = events.flatMap((e) => (e.type === "call-finished" ? [e] : []));
    expect(finished).toHaveLength(3);
    for (const sample of finished) expect(sample.text.length).toBeGreaterThan(10);
    expect(await storedText(sessionId)).toBe(before);
  });

  it("refuses a template with an unknown variable, naming it, and a model the provider does not offer", async () => {
    const client = await callOf("client");
    const { source } = await getPlaygroundCallById({ id: client.id });
    const before = await storedText(sessionId);
    const post = (body: object) =>
      callRoute(playground.POST, {
        method: "POST",
        url: `/api/agent-calls/${client.id}/playground`,
        params: { id: client.id },
        body: {
          template: source.template,
          model: { provider: "offline", modelId: "offline-simulator" },
          temperature: 0.7,
          samples: 1,
          ...body,
        },
      });
    const unknown = await post({ template: `${source.template}\n{{mood}}` });
    expect(unknown).toMatchObject({ status: 400, fields: ["template"] });
    expect(JSON.stringify(unknown.json)).toContain("mood");
    expect(await post({ model: { provider: "openai", modelId: "gpt-4o" } })).toMatchObject({
      status: 400,
      fields: ["model.modelId"],
    });
    expect(await post({ samples: 9 })).toMatchObject({ status: 400, fields: ["samples"] });
    expect(await storedText(sessionId)).toBe(before);
  });
});
