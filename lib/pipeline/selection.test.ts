import { describe, expect, it } from "vitest";
import { SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import { parseSelection } from "./selection";

describe("parseSelection", () => {
  it("reads strict JSON", () => {
    expect(
      parseSelection('{"techniques":["reflection","questioning"],"rationale":"The client is upset."}'),
    ).toEqual({
      techniques: ["reflection", "questioning"],
      rationale: "The client is upset.",
      fallback: false,
    });
  });

  it("reads JSON in a fence, with labels instead of keys", () => {
    const answer =
      'Here you go:\n```json\n{"selected": ["Psycho-education", "Providing solutions"], "reason": "She asked how."}\n```';
    expect(parseSelection(answer)).toEqual({
      techniques: ["psycho_education", "providing_solutions"],
      rationale: "She asked how.",
      fallback: false,
    });
  });

  it("reads a bare JSON array of numbers", () => {
    expect(parseSelection("[1, 4]").techniques).toEqual(["reflection", "normalization"]);
  });

  it("reads a 'Techniques:' line and a rationale line", () => {
    const answer =
      "Techniques: Normalization, psychoeducation\nRationale: The client blames herself; questioning can wait.";
    expect(parseSelection(answer)).toEqual({
      techniques: ["normalization", "psycho_education"],
      rationale: "The client blames herself; questioning can wait.",
      fallback: false,
    });
  });

  it("reads bullets with synonyms", () => {
    const answer = "I would go with:\n- Reflective listening\n- Offering solutions\n";
    expect(parseSelection(answer).techniques).toEqual(["reflection", "providing_solutions"]);
  });

  it("reads numbered choices", () => {
    expect(parseSelection("Selected: 2 and 5").techniques).toEqual(["questioning", "psycho_education"]);
  });

  it("reads prose, in order of mention", () => {
    const answer = "The best fit is normalizing her fear, then asking an open question about it.";
    expect(parseSelection(answer).techniques).toEqual(["normalization", "questioning"]);
  });

  it("falls back to all five when no technique is named, and says so", () => {
    const selection = parseSelection("Hard to say; the client seems fine.");
    expect(selection.techniques).toEqual([...SPECIALIST_TECHNIQUES]);
    expect(selection.fallback).toBe(true);
  });
});

describe("parseSelection of an empty structured answer", () => {
  it("uses the fallback", () => {
    expect(parseSelection('{"techniques": [], "rationale": "none fit"}')).toEqual({
      techniques: [...SPECIALIST_TECHNIQUES],
      rationale: "none fit",
      fallback: true,
    });
  });
});
