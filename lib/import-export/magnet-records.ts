// The MAGneT publication's file formats, validated and turned into what we store: seed records
// (intake-forms.json) become client profiles, session files become sessions with rounds.

import { createHash } from "node:crypto";
import { z } from "zod";
import { ATTITUDES, matchCbtTechnique } from "@/lib/cbt/techniques";
import { AppError } from "@/lib/errors";
import { buildProfileFromIntake } from "@/lib/profiles/build";
import type { ProfileData } from "@/lib/profiles/schema";

export const END_MARKER = "[/END]";

// PostgreSQL text cannot hold NUL characters; catching them here names the field.
const text = z.string().refine((value) => !value.includes("\u0000"), "must not contain NUL characters");
const nonBlank = text.refine((value) => value.trim() !== "", "must not be empty");

const magnetClientSchema = z.object({
  intake_form: nonBlank,
  attitude: z.enum(ATTITUDES),
  attitude_instruction: nonBlank,
});

const magnetCounselorSchema = z.object({
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

const dialogueMessageSchema = z.object({
  role: z.enum(["counselor", "client"]),
  message: nonBlank,
});

export const magnetSessionFileSchema = z
  .object({
    AI_client: magnetClientSchema,
    AI_counselor: magnetCounselorSchema,
    cbt_technique: nonBlank,
    cbt_plan: text.nullish(),
    dialogue: z.array(dialogueMessageSchema).min(2, "needs at least the two opening messages"),
  })
  .superRefine((session, ctx) => {
    // Counselor speaks at even positions, the client at odd ones: opening pair, then rounds.
    session.dialogue.forEach((message, index) => {
      const expected = index % 2 === 0 ? "counselor" : "client";
      if (message.role !== expected) {
        ctx.addIssue({
          code: "custom",
          path: ["dialogue", index, "role"],
          message: `expected "${expected}" (counselor and client must alternate, counselor first)`,
        });
      }
    });
  });

export type MagnetSessionFile = z.output<typeof magnetSessionFileSchema>;

/** Stable key of a seed record: the same form with the same attitude is the same profile. */
export function magnetProfileKey(intakeForm: string, attitude: string): string {
  const digest = createHash("sha256").update(`${intakeForm}\n${attitude}`).digest("hex");
  return `magnet:${digest.slice(0, 24)}`;
}

export function magnetSessionKey(fileBaseName: string): string {
  return `magnet-session:${fileBaseName}`;
}

type SeedParts = Pick<MagnetSeedRecord, "AI_client" | "AI_counselor">;

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

export interface ImportedRound {
  index: number;
  counselorReply: string;
  clientReply: string | null;
  endedByClient: boolean;
  selectedTechniques: string[];
}

export interface ImportedSession {
  externalKey: string;
  profileKey: string;
  /** Built from the session's own seed part, for when the profile was never imported. */
  profile: ProfileData;
  importedFrom: string;
  status: "completed" | "ended_by_client";
  technique: string | null;
  techniqueRaw: string;
  plan: string | null;
  openingCounselor: string;
  openingClient: string;
  rounds: ImportedRound[];
}

export function sessionFromMagnetFile(file: MagnetSessionFile, fileName: string): ImportedSession {
  const [opening, reply, ...rest] = file.dialogue;
  const profile = profileFromMagnetRecord(file);
  const rounds = roundsFromDialogue(rest);
  const endedByClient = file.dialogue.some((message) => message.message.includes(END_MARKER));
  return {
    externalKey: magnetSessionKey(baseName(fileName)),
    profileKey: magnetProfileKey(file.AI_client.intake_form, file.AI_client.attitude),
    profile,
    importedFrom: fileName,
    status: endedByClient ? "ended_by_client" : "completed",
    technique: matchCbtTechnique(file.cbt_technique),
    techniqueRaw: file.cbt_technique,
    plan: file.cbt_plan?.trim() ? file.cbt_plan : null,
    openingCounselor: opening.message,
    openingClient: reply.message,
    rounds,
  };
}

function roundsFromDialogue(messages: MagnetSessionFile["dialogue"]): ImportedRound[] {
  const rounds: ImportedRound[] = [];
  for (let at = 0; at < messages.length; at += 2) {
    const clientReply = messages[at + 1]?.message ?? null;
    rounds.push({
      index: rounds.length + 1,
      counselorReply: messages[at].message,
      clientReply,
      endedByClient: clientReply?.includes(END_MARKER) ?? false,
      selectedTechniques: [],
    });
  }
  return rounds;
}

/** "dir/session_12.json" → "session_12". */
export function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? fileName;
  return last.replace(/\.json$/i, "");
}
