// The MAGneT seed record (intake-forms.json, and the `example` of the official scripts' output),
// validated and turned into a client profile. Session files are read in session-records.ts.

import { createHash } from "node:crypto";
import { z } from "zod";
import { ATTITUDES } from "@/lib/cbt/techniques";
import { AppError } from "@/lib/errors";
import { buildProfileFromIntake } from "@/lib/profiles/build";
import type { ProfileData } from "@/lib/profiles/schema";

export const END_MARKER = "[/END]";

// PostgreSQL text cannot hold NUL characters; catching them here names the field.
export const text = z
  .string()
  .refine((value) => !value.includes("\u0000"), "must not contain NUL characters");
export const nonBlank = text.refine((value) => value.trim() !== "", "must not be empty");

export const magnetClientSchema = z.object({
  intake_form: nonBlank,
  attitude: z.enum(ATTITUDES),
  attitude_instruction: nonBlank,
});

export const magnetCounselorSchema = z.object({
  CBT: z.object({
    client_information: text.nullish(),
    reason_counseling: text.nullish(),
    init_history_counselor: nonBlank,
    init_history_client: nonBlank,
  }),
});

export const magnetSeedRecordSchema = z.object({
  AI_client: magnetClientSchema,
  AI_counselor: magnetCounselorSchema,
  ground_truth_CBT: z
    .array(nonBlank)
    .nullish()
    .transform((techniques) => techniques ?? []),
});

export type MagnetSeedRecord = z.output<typeof magnetSeedRecordSchema>;

/** Stable key of a seed record: the same form with the same attitude is the same profile. */
export function magnetProfileKey(intakeForm: string, attitude: string): string {
  const digest = createHash("sha256").update(`${intakeForm}\n${attitude}`).digest("hex");
  return `magnet:${digest.slice(0, 24)}`;
}

export type SeedParts = Pick<MagnetSeedRecord, "AI_client" | "AI_counselor">;

export function profileFromMagnetRecord(record: SeedParts, referenceTechniques: string[] = []): ProfileData {
  const client = record.AI_client;
  const cbt = record.AI_counselor.CBT;
  try {
    return buildProfileFromIntake({
      externalKey: magnetProfileKey(client.intake_form, client.attitude),
      source: "imported",
      intakeText: client.intake_form,
      attitude: client.attitude,
      attitudeInstruction: client.attitude_instruction,
      openingCounselor: cbt.init_history_counselor,
      openingClient: cbt.init_history_client,
      referenceTechniques,
      clientInformation: cbt.client_information ?? undefined,
      reasonForCounseling: cbt.reason_counseling ?? undefined,
    });
  } catch (error) {
    if (error instanceof AppError) {
      throw new AppError("validation", `AI_client.intake_form: ${error.message}`, error.issues);
    }
    throw error;
  }
}
