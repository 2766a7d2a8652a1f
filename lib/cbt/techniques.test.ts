import { describe, expect, it } from "vitest";
import { matchCbtTechnique } from "./techniques";

describe("matchCbtTechnique", () => {
  it("maps exact and near-miss names to one of the 12", () => {
    expect(matchCbtTechnique("Decatastrophizing")).toBe("Decatastrophizing");
    expect(matchCbtTechnique("**Evidence based questioning**")).toBe("Evidence-Based Questioning");
    expect(matchCbtTechnique("I recommend a behavioural experiment here")).toBe("Behavior Experiment");
  });
  it("picks the technique named first in a long answer", () => {
    expect(
      matchCbtTechnique(
        "Based on the dialogue I would choose Alternative Perspective rather than Reality Testing",
      ),
    ).toBe("Alternative Perspective");
  });
  it("returns null when no technique is named", () => {
    expect(matchCbtTechnique("Mindfulness meditation")).toBeNull();
    expect(matchCbtTechnique("")).toBeNull();
  });
});
