import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/profiles/validation";
import { magnetProfileKey, magnetSeedRecordSchema, profileFromMagnetRecord } from "./magnet-records";

const dataDir = path.resolve(process.cwd(), "../shared/data/magnet");
const readJson = (file: string) => JSON.parse(readFileSync(path.join(dataDir, file), "utf8"));
const seeds = readJson("intake-forms.json");

function validationMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error("expected a validation error");
}

describe("magnetProfileKey", () => {
  it("is the first 24 hex digits of sha256(intake form, newline, attitude)", () => {
    const { intake_form, attitude } = seeds[0].AI_client;
    const digest = createHash("sha256").update(`${intake_form}\n${attitude}`).digest("hex");
    expect(magnetProfileKey(intake_form, attitude)).toBe(`magnet:${digest.slice(0, 24)}`);
    expect(magnetProfileKey(intake_form, attitude)).toMatch(/^magnet:[0-9a-f]{24}$/);
  });

  it("gives each of the 450 seed records its own key", () => {
    const keys = seeds.map((record: { AI_client: { intake_form: string; attitude: string } }) =>
      magnetProfileKey(record.AI_client.intake_form, record.AI_client.attitude),
    );
    expect(new Set(keys).size).toBe(450);
  });
});

describe("profileFromMagnetRecord", () => {
  it("maps a seed record to an imported profile", () => {
    const record = parseOrThrow(magnetSeedRecordSchema, seeds[0]);
    const profile = profileFromMagnetRecord(record, record.ground_truth_CBT);
    expect(profile).toMatchObject({
      source: "imported",
      name: "Laura Saunders",
      age: 45,
      attitude: "positive",
      attitudeInstruction: seeds[0].AI_client.attitude_instruction,
      openingCounselor: seeds[0].AI_counselor.CBT.init_history_counselor,
      openingClient: seeds[0].AI_counselor.CBT.init_history_client,
      referenceTechniques: seeds[0].ground_truth_CBT,
      intakeText: seeds[0].AI_client.intake_form,
    });
  });

  it("keeps empty and non-standard technique lists as given", () => {
    const empty = seeds.find(
      (record: { ground_truth_CBT: string[] }) => record.ground_truth_CBT.length === 0,
    );
    const parsed = parseOrThrow(magnetSeedRecordSchema, empty);
    expect(profileFromMagnetRecord(parsed, parsed.ground_truth_CBT).referenceTechniques).toEqual([]);
    const other = parseOrThrow(magnetSeedRecordSchema, {
      ...seeds[0],
      ground_truth_CBT: ["Role-playing and Simulation", "Alternative Perspective"],
    });
    expect(profileFromMagnetRecord(other, other.ground_truth_CBT).referenceTechniques).toEqual([
      "Role-playing and Simulation",
      "Alternative Perspective",
    ]);
  });

  it("names the wrong field of a broken record", () => {
    const broken = { ...seeds[0], AI_client: { ...seeds[0].AI_client, attitude: "cheerful" } };
    expect(validationMessage(() => parseOrThrow(magnetSeedRecordSchema, broken))).toMatch(
      /^AI_client\.attitude: /,
    );
    const noOpening = structuredClone(seeds[0]);
    delete noOpening.AI_counselor.CBT.init_history_client;
    expect(validationMessage(() => parseOrThrow(magnetSeedRecordSchema, noOpening))).toMatch(
      /AI_counselor\.CBT\.init_history_client/,
    );
  });

  it("says which part of the intake form is missing", () => {
    const record = parseOrThrow(magnetSeedRecordSchema, {
      ...seeds[0],
      AI_client: {
        ...seeds[0].AI_client,
        intake_form: "Name:\nNobody\n\n3. Reason for Seeking Counseling\nx",
      },
    });
    expect(validationMessage(() => profileFromMagnetRecord(record))).toMatch(
      /^AI_client\.intake_form: .*presentingProblem/,
    );
  });
});
