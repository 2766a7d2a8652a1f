// Turns an intake form plus how the client behaves into a profile ready to store.

import type { AttitudeName } from "@/lib/cbt/techniques";
import { parseIntakeForm } from "./intake";
import { type ProfileData, profileInputSchema } from "./schema";
import { parseOrThrow } from "./validation";

export interface ProfileFromIntake {
  externalKey: string;
  source: "sample" | "imported";
  intakeText: string;
  attitude: AttitudeName;
  attitudeInstruction: string;
  openingCounselor: string;
  openingClient: string;
  referenceTechniques: string[];
  /** Overrides for the parts a source data set states separately from the form. */
  clientInformation?: string;
  reasonForCounseling?: string;
}

export function buildProfileFromIntake(input: ProfileFromIntake): ProfileData {
  const form = parseIntakeForm(input.intakeText);
  return parseOrThrow(
    profileInputSchema,
    {
      ...form,
      clientInformation: input.clientInformation?.trim() || form.clientInformation,
      reasonForCounseling: input.reasonForCounseling?.trim() || form.reasonForCounseling,
      externalKey: input.externalKey,
      source: input.source,
      intakeText: input.intakeText,
      attitude: input.attitude,
      attitudeInstruction: input.attitudeInstruction,
      openingCounselor: input.openingCounselor,
      openingClient: input.openingClient,
      referenceTechniques: input.referenceTechniques,
    },
    "Profile is invalid",
  );
}
