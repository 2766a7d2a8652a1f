import { streamText } from "ai";
import { describe, expect, it } from "vitest";
import { CBT_TECHNIQUES } from "@/lib/cbt/techniques";
import {
  DEFAULT_PROMPTS,
  formatCandidates,
  formatHistory,
  formatPlan,
  formatTechniqueList,
  formatTechniqueOptions,
  type PromptRole,
  renderPrompt,
} from "@/lib/prompts";
import { createOfflineSimulator } from "./model";

const history = formatHistory([
  { role: "counselor", message: "Hello Dana, what brings you here?" },
  { role: "client", message: "I feel anxious because I think I will fail at my new job." },
]);

const values = {
  client_information: "Name: Dana\nAge: 34",
  reason_counseling: "I keep thinking the worst will happen at work.",
  intake_form:
    "Name: Dana\n\n2. Presenting Problem\nI worry that I will make mistakes at work.\nIt began in March.\n\n3. Reason",
  first_utterance: "I feel anxious because I think I will fail at my new job.",
  history,
  max_rounds: "20",
  plan: formatPlan({
    technique: "Decatastrophizing",
    techniqueRaw: "Decatastrophizing",
    plan: "1. Name the fear.",
  }),
  technique_list: formatTechniqueList(),
  technique_options: formatTechniqueOptions(),
  candidates: formatCandidates([
    { technique: "reflection", text: "It sounds like work scares you. More text here." },
    { technique: "questioning", text: "What would failing look like?" },
    { technique: "normalization", text: "Many new nurses feel this way." },
  ]),
  selector_answer: "Techniques: reflection, questioning\nReasoning: she is still telling her story.",
  attitude: "negative",
  attitude_instruction: "Be doubtful.",
};

const instant = () => createOfflineSimulator({ latencyMs: 0, tokensPerSecond: 0 });

async function answer(
  role: PromptRole,
  options: { json?: boolean; model?: ReturnType<typeof instant>; extra?: object } = {},
) {
  const { messages } = renderPrompt(DEFAULT_PROMPTS[role], { ...values, ...options.extra });
  const model = options.model ?? instant();
  const { stream } = await model.doStream({
    prompt: messages.map((m) =>
      m.role === "system"
        ? { role: "system", content: String(m.content) }
        : { role: "user", content: [{ type: "text", text: String(m.content) }] },
    ),
    ...(options.json ? { responseFormat: { type: "json" as const } } : {}),
  });
  const reader = stream.getReader();
  let text = "";
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    if (read.value.type === "text-delta") text += read.value.delta;
  }
  return text;
}

describe("offline simulator texts", () => {
  it("mirrors the client's last words in a reflection", async () => {
    const text = await answer("specialist:reflection");
    expect(text).toMatch(/you think you will fail at your new job/i);
  });

  it("asks about the client's words", async () => {
    const text = await answer("specialist:questioning");
    expect(text).toContain("?");
    expect(text.toLowerCase()).toMatch(/fail|new job|anxious/);
  });

  it("writes the other specialists in their technique's voice", async () => {
    expect(await answer("specialist:providing_solutions")).toMatch(/step/i);
    expect(await answer("specialist:normalization")).toMatch(/many people|a lot of people/i);
    expect(await answer("specialist:psycho_education")).toMatch(/CBT|thoughts, feelings/i);
  });

  it("has the planner name one of the 12 techniques with a plan over sessions, short when asked", async () => {
    const text = await answer("planner");
    const technique = text.match(/^Technique: (.+)$/m)?.[1];
    expect(CBT_TECHNIQUES).toContain(technique);
    expect(text).toMatch(/Plan:\nSession 1\n1\./);
    expect(text).toContain("Session 2");
    const short = await answer("planner", {
      extra: { length_guidance: "Keep the plan short: a few steps." },
    });
    expect(short).toMatch(/Plan:\n1\./);
    expect(short).not.toContain("Session 2");
  });

  it("has the selector name techniques along the session's arc, in JSON when asked for it", async () => {
    const json = JSON.parse(await answer("selector", { json: true }));
    expect(json.techniques).toEqual(expect.arrayContaining(["reflection", "questioning"]));
    expect(typeof json.rationale).toBe("string");
    expect(await answer("selector")).toMatch(/^Techniques: .+\nReasoning: /);
    const late = formatHistory(
      Array.from({ length: 8 }, (_, i) => [
        { role: "counselor" as const, message: `Question ${i}?` },
        { role: "client" as const, message: "I still think I will fail at this job every single day." },
      ]).flat(),
    );
    const lateJson = JSON.parse(await answer("selector", { json: true, extra: { history: late } }));
    expect(lateJson.techniques).toEqual(expect.arrayContaining(["providing_solutions", "psycho_education"]));
  });

  it("has the fuser combine the candidates the selector's answer names", async () => {
    const text = await answer("fuser");
    expect(text).toContain("It sounds like work scares you.");
    expect(text).toContain("What would failing look like?");
    expect(text).not.toContain("Many new nurses");
  });

  it("has the fuser combine every candidate when there is no selector's answer", async () => {
    const text = await answer("fuser", { extra: { selector_answer: undefined } });
    expect(text).toContain("Many new nurses feel this way.");
  });

  it("answers as the client, in the attitude given, about the intake form", async () => {
    const negative = await answer("client");
    expect(negative).toContain("I worry that I will make mistakes at work.");
    const positive = await answer("client", { extra: { attitude: "positive" } });
    expect(positive).not.toBe(negative);
    expect(negative).not.toContain("[/END]");
  });

  it("ends as the client from the configured round", async () => {
    const model = createOfflineSimulator({ latencyMs: 0, tokensPerSecond: 0, endRound: 1 });
    const withCounselor = `${history}\nCounselor: Tell me more.`;
    expect(await answer("client", { model, extra: { history: withCounselor } })).toMatch(/\[\/END\]$/);
  });

  it("is deterministic for the same prompt and varies with it", async () => {
    expect(await answer("specialist:reflection")).toBe(await answer("specialist:reflection"));
    const other = formatHistory([{ role: "client", message: "My brother never listens to me." }]);
    expect(await answer("specialist:reflection", { extra: { history: other } })).not.toBe(
      await answer("specialist:reflection"),
    );
  });

  it("places a prompt without a role marker by its inputs", async () => {
    const { messages } = renderPrompt(DEFAULT_PROMPTS.fuser, values);
    const system = String(messages[0].content).replace(/^Role: .*\n/, "");
    const model = instant();
    const { content } = await model.doGenerate({
      prompt: [
        { role: "system", content: system },
        { role: "user", content: [{ type: "text", text: String(messages[1].content) }] },
      ],
    });
    expect(content[0]).toMatchObject({
      type: "text",
      text: expect.stringContaining("What would failing look like?"),
    });
  });
});

describe("offline simulator as a streaming model", () => {
  const prompt = renderPrompt(DEFAULT_PROMPTS["specialist:reflection"], values).messages;

  it("streams through streamText with usage and an offline-simulator id", async () => {
    const model = createOfflineSimulator({ latencyMs: 0, tokensPerSecond: 300 });
    expect(model.modelId).toContain("offline-simulator");
    const result = streamText({ model, messages: prompt, allowSystemInMessages: true });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    const usage = await result.usage;
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join("")).toBe(await result.text);
    expect(usage.inputTokens).toBeGreaterThan(50);
    expect(usage.outputTokens).toBeGreaterThan(3);
  });

  it("waits the first-token latency and paces tokens", async () => {
    const model = createOfflineSimulator({ latencyMs: 120, tokensPerSecond: 200 });
    const started = Date.now();
    const stamps: number[] = [];
    const result = streamText({ model, messages: prompt, allowSystemInMessages: true });
    for await (const _ of result.textStream) stamps.push(Date.now() - started);
    expect(stamps[0]).toBeGreaterThanOrEqual(110);
    expect(stamps.at(-1) ?? 0).toBeGreaterThan(stamps[0] + 20);
  });

  it("stops at once when aborted", async () => {
    const model = createOfflineSimulator({ latencyMs: 2_000, tokensPerSecond: 10 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 30);
    const result = streamText({
      model,
      messages: prompt,
      allowSystemInMessages: true,
      abortSignal: controller.signal,
    });
    const kinds: string[] = [];
    for await (const part of result.stream) kinds.push(part.type);
    expect(kinds).toContain("abort");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("respects maxOutputTokens", async () => {
    const result = streamText({
      model: instant(),
      messages: prompt,
      allowSystemInMessages: true,
      maxOutputTokens: 3,
    });
    expect((await result.text).split(/\s+/).filter(Boolean)).toHaveLength(3);
    expect(await result.finishReason).toBe("length");
  });
});
