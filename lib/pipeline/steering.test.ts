import type { ModelMessage } from "ai";
import { describe, expect, it } from "vitest";
import type { SpecialistTechnique } from "@/lib/cbt/techniques";
import { runSession, type SessionRun } from "./engine";
import type { PipelineEvent } from "./events";
import { MemorySessionStore } from "./memory-store";
import { parseSelection } from "./selection";
import type { Pause, Steering, SteeringAnswer, SteeringSettings } from "./steering";
import { fakeModel, testConfig, testProfile } from "./testing";

const CLINICIAN = { userId: "u1", name: "Dr. Ada" };

/** Answers each pause from a script keyed "round:point"; pauses it has no answer for continue. */
function scripted(settings: SteeringSettings, script: Record<string, SteeringAnswer["command"]>) {
  const pauses: Pause[] = [];
  const steering: Steering = {
    settingsFor: async () => settings,
    answer: async (pause) => {
      pauses.push(pause);
      const command = script[`${pause.roundIndex}:${pause.point}`] ?? {
        type: "continue",
        roundIndex: pause.roundIndex,
        point: pause.point,
      };
      return { command, by: CLINICIAN };
    },
  };
  return { steering, pauses };
}

function setup(overrides: Partial<SessionRun> = {}, maxRounds = 2) {
  const store = new MemorySessionStore();
  const events: PipelineEvent[] = [];
  const run: SessionRun = {
    sessionId: "s1",
    profile: testProfile,
    variant: "magnet",
    config: testConfig({ maxRounds }),
    store,
    onEvent: (e) => events.push(e),
    models: () => fakeModel(),
    ...overrides,
  };
  return { run, store, events, data: () => store.session("s1") };
}

function userText(messages: ModelMessage[]): string {
  return messages
    .filter((m) => m.role === "user")
    .map((m) => (typeof m.content === "string" ? m.content : ""))
    .join("\n");
}

function section(text: string, name: string): string | null {
  return text.match(new RegExp(`<${name}>\\n([\\s\\S]*?)\\n</${name}>`))?.[1] ?? null;
}

function promptOf(store: MemorySessionStore, role: string, roundIndex: number): string {
  const call = store.session("s1").calls.find((c) => c.role === role && c.roundIndex === roundIndex);
  if (!call) throw new Error(`no ${role} call in round ${roundIndex}`);
  return userText(call.promptMessages);
}

describe("steering a running session", () => {
  it("without steering no round waits and nothing is marked", async () => {
    const { run, data, events } = setup();
    await runSession(run);
    expect(events.some((e) => e.type.startsWith("steering-"))).toBe(false);
    expect(data().rounds.map((r) => r.steering)).toEqual([undefined, undefined]);
    expect(data().interventions).toEqual([]);
  });

  it("an overridden selection is exactly what the stored fuser prompt marks as chosen", async () => {
    // The selection the selector makes unsteered, to pick an override that differs from it.
    const plain = setup({}, 1);
    await runSession(plain.run);
    const chosenBySelector = plain.data().rounds[0].selectedTechniques;
    const override: SpecialistTechnique[] = chosenBySelector.includes("psycho_education")
      ? ["normalization"]
      : ["psycho_education", "normalization"];

    const { steering, pauses } = scripted(
      { pausePoints: ["selection"], seat: "agents" },
      {
        "1:selection": { type: "override-selection", roundIndex: 1, techniques: override },
      },
    );
    const { run, store, data } = setup({ steering }, 1);
    await runSession(run);

    expect(pauses).toEqual([{ roundIndex: 1, point: "selection", seat: "agents" }]);
    const selectorAnswer = section(promptOf(store, "fuser", 1), "selector_answer");
    expect(parseSelection(selectorAnswer ?? "").techniques).toEqual(override);
    const round = data().rounds[0];
    expect(round.selectedTechniques).toEqual(override);
    expect(round.steering).toMatchObject({
      selectionOverridden: true,
      originalSelectedTechniques: chosenBySelector,
    });
    expect(data().interventions).toEqual([
      expect.objectContaining({
        kind: "selection_override",
        roundIndex: 1,
        originalValue: chosenBySelector,
        newValue: override,
        by: CLINICIAN,
      }),
    ]);
  });

  it("an edited counselor reply is what the client agent saw, marked edited with the original kept", async () => {
    const edited = "It sounds like the new job weighs on you. What goes through your mind before a shift?";
    const { steering } = scripted(
      { pausePoints: ["counselor"], seat: "agents" },
      {
        "1:counselor": { type: "write-counselor", roundIndex: 1, text: edited, inserted: [] },
      },
    );
    const { run, store, data } = setup({ steering }, 1);
    await runSession(run);

    const fused = data().calls.find((c) => c.role === "fuser")?.cleanedOutput;
    const clientHistory = section(promptOf(store, "client", 1), "history") ?? "";
    expect(clientHistory.split("\n").at(-1)).toBe(`Counselor: ${edited}`);
    expect(clientHistory).not.toContain(fused);
    expect(data().rounds[0]).toMatchObject({
      counselorReply: edited,
      steering: { counselorEdited: true, originalCounselorReply: fused, seat: "agents" },
    });
    expect(data().interventions[0]).toMatchObject({ kind: "counselor_edit", originalValue: fused });
  });

  it("a client reply typed by a person is what the counselor's agents see next round", async () => {
    const typed = "Honestly I just freeze when the charge nurse looks at me.";
    const { steering } = scripted(
      { pausePoints: [], seat: "client" },
      {
        "1:client": { type: "write-client", roundIndex: 1, text: typed },
        "2:client": { type: "write-client", roundIndex: 2, text: "Okay." },
      },
    );
    const { run, store, data } = setup({ steering });
    await runSession(run);

    expect(data().calls.some((c) => c.role === "client")).toBe(false);
    const next = section(promptOf(store, "specialist:reflection", 2), "history") ?? "";
    expect(next.split("\n").at(-1)).toBe(`Client: ${typed}`);
    expect(data().rounds[0]).toMatchObject({
      clientReply: typed,
      steering: { seat: "client", clientEdited: true, originalClientReply: null },
    });
    expect(data().interventions.map((i) => i.kind)).toEqual(["client_written", "client_written"]);
  });

  it("in the counselor's seat the fuser does not run; the person's reply, from a suggestion, reaches the client", async () => {
    const written = "Let's look at one shift together. What happened the last time you froze?";
    const { steering } = scripted(
      { pausePoints: [], seat: "counselor" },
      {
        "1:counselor": { type: "write-counselor", roundIndex: 1, text: written, inserted: ["questioning"] },
      },
    );
    const { run, store, data, events } = setup({ steering }, 1);
    await runSession(run);

    expect(data().calls.map((c) => c.role)).not.toContain("fuser");
    expect((section(promptOf(store, "client", 1), "history") ?? "").split("\n").at(-1)).toBe(
      `Counselor: ${written}`,
    );
    // The five suggestions were all written before the round waited for the person.
    const awaited = events.findIndex((e) => e.type === "steering-awaited");
    const finished = events.filter((e) => e.type === "call-finished").length;
    expect(events.slice(0, awaited).filter((e) => e.type === "call-finished").length).toBe(finished - 1);
    expect(data().rounds[0].steering).toMatchObject({ seat: "counselor", counselorEdited: true });
    expect(data().interventions[0]).toMatchObject({
      kind: "counselor_written",
      originalValue: null,
      detail: { inserted: ["questioning"] },
    });
  });
});

/** Answers each pause from a list of commands per "round:point", checking regenerations as the desk does. */
function sequenced(settings: SteeringSettings, script: Record<string, SteeringAnswer["command"][]>) {
  const refused: string[] = [];
  const steering: Steering = {
    settingsFor: async () => settings,
    answer: async (pause, _signal, refusal) => {
      const queue = script[`${pause.roundIndex}:${pause.point}`] ?? [];
      for (let command = queue.shift(); command; command = queue.shift()) {
        const why =
          command.type !== "regenerate" ? null : refusal ? refusal(command.output) : "no refusal given";
        if (why) refused.push(why);
        else return { command, by: CLINICIAN };
      }
      return {
        command: { type: "continue", roundIndex: pause.roundIndex, point: pause.point },
        by: CLINICIAN,
      };
    },
  };
  return { steering, refused };
}

const SECOND_REFLECTION = "It sounds like every shift starts with a knot in your stomach.";

/** One model for the whole run: it counts the attempts of each prompt. */
function oneModel(options: Parameters<typeof fakeModel>[0]): SessionRun["models"] {
  const model = fakeModel(options);
  return () => model;
}

/** The reflection specialist writes SECOND_REFLECTION when asked a second time. */
const secondReflection = () =>
  oneModel({
    text: (role, _reading, attempt) =>
      role === "specialist:reflection" && attempt === 2 ? SECOND_REFLECTION : undefined,
  });

describe("regenerating an output of the round in progress, at a pause", () => {
  it("a candidate made again makes the reply stale; the reply made again is fused from the new candidate", async () => {
    const { steering, refused } = sequenced(
      { pausePoints: ["counselor"], seat: "agents" },
      {
        "1:counselor": [
          { type: "regenerate", roundIndex: 1, output: "candidate:reflection" },
          { type: "regenerate", roundIndex: 1, output: "counselor" },
        ],
      },
    );
    const { run, store, data, events } = setup({ steering, models: secondReflection() }, 1);
    await runSession(run);

    expect(refused).toEqual([]);
    const calls = data().calls.filter((c) => c.roundIndex === 1);
    const reflections = calls.filter((c) => c.role === "specialist:reflection");
    expect(reflections.map((c) => [c.attempt, c.cleanedOutput === SECOND_REFLECTION])).toEqual([
      [1, false],
      [2, true],
    ]);
    const fusers = calls.filter((c) => c.role === "fuser");
    expect(fusers.map((c) => c.attempt)).toEqual([1, 2]);
    expect(section(userText(fusers[0].promptMessages), "candidates")).not.toContain(SECOND_REFLECTION);
    expect(section(userText(fusers[1].promptMessages), "candidates")).toContain(SECOND_REFLECTION);
    const round = data().rounds[0];
    expect(round.counselorReply).toBe(fusers[1].cleanedOutput);
    expect(round.staleOutputs ?? []).toEqual([]);
    const clientHistory = section(promptOf(store, "client", 1), "history") ?? "";
    expect(clientHistory.split("\n").at(-1)).toBe(`Counselor: ${fusers[1].cleanedOutput}`);
    expect(data().interventions).toEqual([
      expect.objectContaining({
        kind: "output_regenerated",
        originalValue: reflections[0].cleanedOutput,
        newValue: SECOND_REFLECTION,
        detail: { output: "candidate:reflection" },
        by: CLINICIAN,
      }),
      expect.objectContaining({
        kind: "output_regenerated",
        originalValue: fusers[0].cleanedOutput,
        newValue: fusers[1].cleanedOutput,
        detail: { output: "counselor" },
      }),
    ]);
    const regenerated = events.filter((e) => e.type === "output-regenerated");
    expect(regenerated.map((e) => [e.output, e.stale])).toEqual([
      ["candidate:reflection", ["counselor"]],
      ["counselor", []],
    ]);
    // The round waited again after each regeneration, at the same pause.
    const awaited = events.filter((e) => e.type === "steering-awaited").map((e) => e.point);
    expect(awaited).toEqual(["counselor", "counselor", "counselor"]);
  });

  it("a reply left stale when the round goes on is stored stale, and the tokens of every call are counted", async () => {
    const { steering } = sequenced(
      { pausePoints: ["counselor"], seat: "agents" },
      { "1:counselor": [{ type: "regenerate", roundIndex: 1, output: "candidate:reflection" }] },
    );
    const { run, data } = setup({ steering, models: secondReflection() }, 1);
    await runSession(run);
    const round = data().rounds[0];
    expect(round.staleOutputs).toEqual(["counselor"]);
    // 5 specialists + the reflection again + selector + fuser + client, 10 in / 5 out each.
    expect([round.tokensIn, round.tokensOut]).toEqual([90, 45]);
  });

  it("before the fuser: the selection made again is what the fuser reads; the reply cannot be regenerated yet", async () => {
    const { steering, refused } = sequenced(
      { pausePoints: ["selection"], seat: "agents" },
      {
        "1:selection": [
          { type: "regenerate", roundIndex: 1, output: "counselor" },
          { type: "regenerate", roundIndex: 1, output: "client" },
          { type: "regenerate", roundIndex: 1, output: "selection" },
        ],
      },
    );
    const models = oneModel({
      text: (role, _reading, attempt) =>
        role === "selector" && attempt === 2
          ? JSON.stringify({ rationale: "They need facts first.", techniques: ["psycho_education"] })
          : undefined,
    });
    const { run, store, data } = setup({ steering, models }, 1);
    await runSession(run);

    expect(refused).toEqual([
      "The counselor's reply of round 1 is not written yet.",
      "The client has not answered round 1 yet; its reply can be regenerated once the round is stored.",
    ]);
    const selectors = data().calls.filter((c) => c.role === "selector");
    expect(selectors.map((c) => c.attempt)).toEqual([1, 2]);
    const selectorAnswer = section(promptOf(store, "fuser", 1), "selector_answer");
    expect(parseSelection(selectorAnswer ?? "").techniques).toEqual(["psycho_education"]);
    expect(data().rounds[0]).toMatchObject({ selectedTechniques: ["psycho_education"] });
    expect(data().rounds[0].staleOutputs ?? []).toEqual([]);
  });

  it("in the counselor's seat the suggestions can be made again, the agents' reply cannot", async () => {
    const written = "What happens in your body right before a shift?";
    const { steering, refused } = sequenced(
      { pausePoints: [], seat: "counselor" },
      {
        "1:counselor": [
          { type: "regenerate", roundIndex: 1, output: "counselor" },
          { type: "regenerate", roundIndex: 1, output: "candidate:reflection" },
          { type: "write-counselor", roundIndex: 1, text: written, inserted: ["reflection"] },
        ],
      },
    );
    const { run, data } = setup({ steering, models: secondReflection() }, 1);
    await runSession(run);
    expect(refused).toEqual([
      "A person writes the counselor's turn of round 1: there is no agent reply to regenerate.",
    ]);
    const reflections = data().calls.filter((c) => c.role === "specialist:reflection");
    expect(reflections.at(-1)?.cleanedOutput).toBe(SECOND_REFLECTION);
    expect(data().rounds[0]).toMatchObject({ counselorReply: written, steering: { seat: "counselor" } });
    expect(data().interventions.map((i) => i.kind)).toEqual(["output_regenerated", "counselor_written"]);
  });

  it("a candidate that fails when made again leaves the old one in place and the round goes on", async () => {
    const { steering } = sequenced(
      { pausePoints: ["counselor"], seat: "agents" },
      { "1:counselor": [{ type: "regenerate", roundIndex: 1, output: "candidate:normalization" }] },
    );
    const models = oneModel({
      fail: (role, attempt) =>
        role === "specialist:normalization" && attempt > 1 ? new Error("model overloaded") : undefined,
    });
    const config = testConfig({ maxRounds: 1, retry: { maxAttempts: 1 } });
    const { run, data } = setup({ steering, models, config }, 1);
    await runSession(run);
    const normalization = data().calls.filter((c) => c.role === "specialist:normalization");
    expect(normalization.map((c) => c.status)).toEqual(["succeeded", "failed"]);
    expect(data().rounds).toHaveLength(1);
    expect(data().rounds[0].staleOutputs ?? []).toEqual([]);
    expect(data().interventions).toEqual([]);
  });
});
