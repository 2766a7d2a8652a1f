// The pipeline diagram's model: which agents a variant has, in the order the method runs them, and
// where each stands in a round (from the live state). Client-safe. Nodes carry their role only: the
// component layer names them, from the one place agents get their display names.

import { SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import { VARIANT_SHAPES } from "@/lib/pipeline/variants";
import { type LiveCall, type LiveSession, latestAttempts } from "./live-state";

export type NodeStatus = "waiting" | "running" | "done" | "failed" | "skipped" | "person";

export interface DiagramNode {
  role: string;
  status: NodeStatus;
  /** The call's time once finished. */
  latencyMs: number | null;
}

/** Stages run one after another; the nodes of a stage run at the same time. */
export interface DiagramStage {
  name: string;
  nodes: DiagramNode[];
}

export interface Diagram {
  /** The round shown, or null before round 1. */
  roundIndex: number | null;
  stages: DiagramStage[];
}

/** The round the diagram follows: the latest that has begun. */
export function currentRound(state: LiveSession): number | null {
  return state.rounds.at(-1)?.index ?? null;
}

export function pipelineDiagram(state: LiveSession, roundIndex = currentRound(state)): Diagram {
  const shape = VARIANT_SHAPES[state.variant];
  const round = state.rounds.find((r) => r.index === roundIndex);
  const byRole = new Map(latestAttempts(state, round?.callIds ?? []).map((call) => [call.role, call]));
  // A person in a seat writes that turn: its agent does not run this round.
  const seat = round?.awaiting?.seat ?? round?.steering?.seat ?? "agents";
  const node = (role: string, call = byRole.get(role)): DiagramNode => ({
    role,
    status: !call && seatOf(role) === seat ? "person" : statusOf(call),
    latencyMs: call?.status === "succeeded" ? call.latencyMs : null,
  });
  const stages: DiagramStage[] = [];
  if (shape.planner) {
    const planner = latestAttempts(state, state.planCallIds)[0];
    stages.push({ name: "Plan (once)", nodes: [node("planner", planner)] });
  }
  if (shape.counselor === "multi_agent") {
    const parallel = SPECIALIST_TECHNIQUES.map((t) => node(`specialist:${t}`));
    if (shape.selector) parallel.push(node("selector"));
    stages.push({ name: shape.selector ? "Candidates ∥ selection" : "Candidates", nodes: parallel });
    stages.push({ name: "Fusion", nodes: [node("fuser")] });
  } else {
    const role = `counselor:${shape.counselor}`;
    stages.push({ name: "Counselor", nodes: [node(role)] });
  }
  stages.push({ name: "Client", nodes: [node("client")] });
  return { roundIndex: roundIndex ?? null, stages };
}

/** The seat whose person writes the turn this role's agent would. */
function seatOf(role: string): "client" | "counselor" | null {
  if (role === "client") return "client";
  if (role === "fuser" || role.startsWith("counselor:")) return "counselor";
  return null;
}

function statusOf(call: LiveCall | undefined): NodeStatus {
  if (!call) return "waiting";
  if (call.status === "succeeded") return "done";
  if (call.status === "cancelled") return "skipped";
  return call.status;
}
