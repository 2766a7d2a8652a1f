import { describe, expect, it } from "vitest";
import type { PipelineEvent, PipelineEventBody } from "@/lib/pipeline/events";
import { VARIANT_SHAPES } from "@/lib/pipeline/variants";
import { PROMPT_ROLES } from "@/lib/prompts/registry";
import { applyEvent, emptyLiveSession, type LiveSession } from "./live-state";
import { pipelineDiagram } from "./pipeline-diagram";

function play(state: LiveSession, bodies: PipelineEventBody[]): LiveSession {
  return bodies.reduce(
    (next, body, i) =>
      applyEvent(next, { ...body, sessionId: "s", seq: i + 1, timestamp: i } as PipelineEvent),
    state,
  );
}

const started = (callId: string, role: string, roundIndex: number | null): PipelineEventBody => ({
  type: "call-started",
  callId,
  role: role as never,
  roundIndex,
  provider: "offline",
  modelId: "offline-simulator",
  attempt: 1,
});
const finished = (callId: string, latencyMs: number): PipelineEventBody => ({
  type: "call-finished",
  callId,
  text: "t",
  rawText: "t",
  usage: { inputTokens: 1, outputTokens: 1 },
  latencyMs,
});

const statuses = (state: LiveSession) =>
  Object.fromEntries(pipelineDiagram(state).stages.flatMap((s) => s.nodes.map((n) => [n.role, n.status])));

describe("pipeline diagram", () => {
  it("names the method's stages in order: planner → specialists ∥ selector → fuser → client", () => {
    const diagram = pipelineDiagram(emptyLiveSession("s", "magnet", 20));
    expect(diagram.roundIndex).toBeNull();
    expect(diagram.stages.map((s) => s.nodes.map((n) => n.role))).toEqual([
      ["planner"],
      [
        "specialist:reflection",
        "specialist:questioning",
        "specialist:providing_solutions",
        "specialist:normalization",
        "specialist:psycho_education",
        "selector",
      ],
      ["fuser"],
      ["client"],
    ]);
  });

  it("lights the running node and gives finished ones their time", () => {
    let state = play(emptyLiveSession("s", "magnet", 20), [started("p", "planner", null)]);
    expect(statuses(state).planner).toBe("running");
    state = play(state, [
      finished("p", 2_100),
      { type: "round-started", roundIndex: 1 },
      started("r", "specialist:reflection", 1),
      started("sel", "selector", 1),
      finished("sel", 800),
    ]);
    const diagram = pipelineDiagram(state);
    expect(diagram.roundIndex).toBe(1);
    const nodes = Object.fromEntries(diagram.stages.flatMap((s) => s.nodes).map((n) => [n.role, n]));
    expect(nodes.planner).toMatchObject({ status: "done", latencyMs: 2_100 });
    expect(nodes["specialist:reflection"]).toMatchObject({ status: "running", latencyMs: null });
    expect(nodes["specialist:questioning"].status).toBe("waiting");
    expect(nodes.selector).toMatchObject({ status: "done", latencyMs: 800 });
    expect(nodes.fuser.status).toBe("waiting");
    state = play(state, [
      { type: "call-failed", callId: "r", error: "x", willRetry: false, attempt: 1, cancelled: false },
    ]);
    expect(statuses(state)["specialist:reflection"]).toBe("failed");
  });

  it("follows the variant: a baseline has one counselor, no_planner no planner", () => {
    const cactus = pipelineDiagram(emptyLiveSession("s", "cactus_baseline", 20));
    expect(cactus.stages.map((s) => s.nodes.map((n) => n.role))).toEqual([
      ["planner"],
      ["counselor:cactus"],
      ["client"],
    ]);
    const noPlanner = pipelineDiagram(emptyLiveSession("s", "no_planner", 20));
    expect(noPlanner.stages[0].nodes.map((n) => n.role)).toContain("selector");
    expect(noPlanner.stages.flatMap((s) => s.nodes).some((n) => n.role === "planner")).toBe(false);
  });
});

describe("pipeline diagram names", () => {
  it("keys every node by a prompt role, which the component layer names, and carries no label of its own", () => {
    for (const variant of Object.keys(VARIANT_SHAPES) as (keyof typeof VARIANT_SHAPES)[]) {
      for (const node of pipelineDiagram(emptyLiveSession("s", variant, 20)).stages.flatMap((s) => s.nodes)) {
        expect(PROMPT_ROLES, `${variant}: ${node.role}`).toContain(node.role);
        expect(node).not.toHaveProperty("label");
      }
    }
  });
});

describe("pipeline diagram with a person in a seat", () => {
  it("shows the turn a person writes as theirs, not as an agent still waiting", () => {
    const begun = play(emptyLiveSession("s", "magnet", 20), [
      { type: "session-started", variant: "magnet", fromRound: 1, maxRounds: 20 },
      started("sel", "selector", 1),
      finished("sel", 5),
    ]);
    expect(statuses(begun)).toMatchObject({ fuser: "waiting", client: "waiting" });
    const counselorSeat = play(begun, [
      { type: "steering-awaited", roundIndex: 1, point: "counselor", seat: "counselor" },
    ]);
    expect(statuses(counselorSeat)).toMatchObject({ fuser: "person", client: "waiting", selector: "done" });
    const clientSeat = play(begun, [
      { type: "steering-awaited", roundIndex: 1, point: "client", seat: "client" },
    ]);
    expect(statuses(clientSeat)).toMatchObject({ fuser: "waiting", client: "person" });
  });
});
