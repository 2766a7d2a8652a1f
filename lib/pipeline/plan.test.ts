import { describe, expect, it } from "vitest";
import { parsePlan } from "./plan";

describe("parsePlan", () => {
  it("reads the requested format", () => {
    const parsed = parsePlan(
      "Technique: Decatastrophizing\nPlan:\n1. Name the feared outcome.\n2. Weigh its likelihood.",
    );
    expect(parsed).toEqual({
      technique: "Decatastrophizing",
      techniqueRaw: "Decatastrophizing",
      plan: "1. Name the feared outcome.\n2. Weigh its likelihood.",
    });
  });

  it("reads markdown and near-miss names", () => {
    const parsed = parsePlan(
      "**CBT Technique:** Behavioural experiment\n\n**Plan:** Test the belief with a small task.",
    );
    expect(parsed.technique).toBe("Behavior Experiment");
    expect(parsed.plan).toBe("Test the belief with a small task.");
  });

  it("reads JSON", () => {
    const parsed = parsePlan(
      '```json\n{"technique": "Reality Testing", "plan": ["Gather facts", "Compare"]}\n```',
    );
    expect(parsed).toEqual({
      technique: "Reality Testing",
      techniqueRaw: "Reality Testing",
      plan: "Gather facts\nCompare",
    });
  });

  it("keeps an unknown technique raw and marks it with null", () => {
    const parsed = parsePlan("Technique: Mindfulness meditation\nPlan: Breathe.");
    expect(parsed).toEqual({ technique: null, techniqueRaw: "Mindfulness meditation", plan: "Breathe." });
  });

  it("takes the first line as the technique when there is no label", () => {
    const parsed = parsePlan("Alternative Perspective\nWe will look for other explanations.");
    expect(parsed.technique).toBe("Alternative Perspective");
    expect(parsed.plan).toBe("We will look for other explanations.");
  });
});
