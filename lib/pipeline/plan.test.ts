import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { matchCbtTechnique } from "@/lib/cbt/techniques";
import { parsePlan } from "./plan";

const SESSIONS = path.resolve(__dirname, "../../../shared/data/magnet/sessions");

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

  it("finds the technique in prose and keeps a long plan of several sessions whole", () => {
    const answer = [
      "Thank you for the details.",
      'Having read the intake form, I would go with the "Reality Testing" technique for Sam.',
      "",
      "**Session 1:**",
      "1. Build rapport.",
      "2. Technique: list the evidence for the belief.",
      "",
      "**Session 2:**",
      "1. Review the thought record.",
      "2. Plan a small test of the belief.",
    ].join("\n");
    const parsed = parsePlan(answer);
    expect(parsed.technique).toBe("Reality Testing");
    expect(parsed.plan).toContain("**Session 1:**");
    expect(parsed.plan).toContain("2. Plan a small test of the belief.");
    expect(parsed.plan).not.toContain("I would go with");
    expect(parsed.plan.startsWith("Thank you for the details.")).toBe(true);
  });

  it("does not mistake a step labelled 'Technique:' after the plan heading for the choice", () => {
    const parsed = parsePlan("I choose Systematic Exposure.\nPlan:\nSession 1\nTechnique: breathing first");
    expect(parsed.technique).toBe("Systematic Exposure");
    expect(parsed.plan).toBe("Session 1\nTechnique: breathing first");
  });
});

describe.skipIf(!existsSync(SESSIONS))("parsePlan on the published planner answers", () => {
  // The official runs stored the technique answer and the plan apart; written as one free answer, the
  // parser must find the same technique and keep every line of the plan.
  const published = z.object({ cbt_technique: z.string(), cbt_plan: z.string() });
  const files = existsSync(SESSIONS) ? readdirSync(SESSIONS).sort() : [];
  const samples = files
    .filter((_, i) => i % 40 === 0)
    .map((file) => {
      const record = published.parse(JSON.parse(readFileSync(path.join(SESSIONS, file), "utf8")));
      return { file, technique: record.cbt_technique, plan: record.cbt_plan };
    });

  it.each(samples)("$file", ({ technique, plan }) => {
    const parsed = parsePlan(`${technique}\n\n${plan}`);
    expect(parsed.technique).not.toBeNull();
    expect(parsed.technique).toBe(
      matchCbtTechnique(technique.split("\n").find((l) => matchCbtTechnique(l)) ?? ""),
    );
    const lastLine = plan.trim().split("\n").at(-1) ?? "";
    expect(parsed.plan).toContain(lastLine.trim());
    expect(parsed.plan.length).toBeGreaterThan(plan.trim().length * 0.9);
  });
});
