import { describe, expect, it } from "vitest";
import { ATTITUDES, CBT_TECHNIQUES } from "@/lib/cbt/techniques";
import { ATTITUDE_INSTRUCTIONS } from "./attitudes";
import { parseIntakeForm } from "./intake";
import { SAMPLE_PROFILES, sampleProfileInputs } from "./samples";

describe("sample profiles", () => {
  const profiles = sampleProfileInputs();

  it("has at least 12 profiles with unique keys", () => {
    expect(profiles.length).toBeGreaterThanOrEqual(12);
    const keys = profiles.map((profile) => profile.externalKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^sample:[a-z0-9-]+$/);
  });

  it("covers every attitude at least four times with that attitude's instruction", () => {
    for (const attitude of ATTITUDES) {
      const ofAttitude = profiles.filter((profile) => profile.attitude === attitude);
      expect(ofAttitude.length, attitude).toBeGreaterThanOrEqual(4);
      for (const profile of ofAttitude)
        expect(profile.attitudeInstruction).toBe(ATTITUDE_INSTRUCTIONS[attitude]);
    }
  });

  it("covers all 12 CBT techniques as reference techniques", () => {
    const used = new Set(profiles.flatMap((profile) => profile.referenceTechniques));
    expect([...used].sort()).toEqual([...CBT_TECHNIQUES].sort());
  });

  it.each(SAMPLE_PROFILES.map((sample) => [sample.slug, sample] as const))(
    "parses the intake of %s",
    (_, sample) => {
      const form = parseIntakeForm(sample.intakeText);
      expect(form.age).toBeGreaterThan(0);
      for (const field of ["gender", "occupation", "education", "maritalStatus", "familyDetails"] as const) {
        expect(form[field], field).toBeTruthy();
      }
      for (const field of ["pastHistory", "functioning", "socialSupport"] as const) {
        expect(form[field], field).toBeTruthy();
      }
      expect(form.presentingProblem.split("\n").length).toBeGreaterThan(2);
      expect(form.clientInformation.startsWith(`Name:\n${form.name}\n`)).toBe(true);
      expect(sample.openingCounselor).toMatch(new RegExp(form.name.split(" ")[0]));
      expect(sample.openingClient.length).toBeGreaterThan(40);
    },
  );

  it("has distinct people", () => {
    const names = profiles.map((profile) => profile.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(profiles.map((profile) => profile.occupation)).size).toBe(profiles.length);
  });
});
