import { describe, expect, it } from "vitest";
import { emptyLiveSession } from "@/lib/live/live-state";
import { pipelineDiagram } from "@/lib/live/pipeline-diagram";
import { VARIANT_SHAPES } from "@/lib/pipeline/variants";
import { PROMPT_ROLES } from "@/lib/prompts/registry";
import { AGENT_LABELS, roleLabel } from "./agent-labels";

describe("roleLabel", () => {
  it("names every prompt role in words, never by its key", () => {
    for (const role of PROMPT_ROLES) {
      const label = roleLabel(role);
      expect(label, role).not.toBe(role);
      expect(label, role).not.toMatch(/[:_]/);
    }
  });

  it("says which specialist, and names the judges and the summarizer", () => {
    expect(roleLabel("specialist:psycho_education")).toBe("Psycho-education specialist");
    expect(roleLabel("fuser")).toBe(AGENT_LABELS.fuser);
    expect(roleLabel("judge:panas_after")).toBe("PANAS judge (after)");
    expect(roleLabel("summarizer")).toBe("Session summarizer");
  });

  it("names the pipeline diagram's nodes as the rest of the studio does, never Fuser or Planner", () => {
    const labels = (Object.keys(VARIANT_SHAPES) as (keyof typeof VARIANT_SHAPES)[]).flatMap((variant) =>
      pipelineDiagram(emptyLiveSession("s", variant, 20)).stages.flatMap((s) =>
        s.nodes.map((n) => roleLabel(n.role)),
      ),
    );
    expect(labels).toContain(AGENT_LABELS.fuser);
    expect(labels).toContain(AGENT_LABELS.planner);
    expect(labels).toContain("Reflection specialist");
    expect(labels).toContain("Counselor (CACTUS baseline)");
    expect(labels).not.toContain("Fuser");
    expect(labels).not.toContain("Planner");
  });

  it("shows a role it does not know as it is", () => {
    expect(roleLabel("judge:new_scale")).toBe("judge:new_scale");
    expect(roleLabel("constructor")).toBe("constructor");
  });
});
