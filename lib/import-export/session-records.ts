// Session files, in both shapes they come in, validated and turned into what we store:
// - the official scripts' own output: { example, cbt_technique, cbt_plan, cost, history };
// - the published data: { AI_client, AI_counselor, cbt_technique, cbt_plan, dialogue }.
// Neither says which method wrote it, so the variant is given by whoever imports.

import { z } from "zod";
import { matchCbtTechnique } from "@/lib/cbt/techniques";
import { AppError } from "@/lib/errors";
import { DEFAULT_MAX_ROUNDS } from "@/lib/pipeline/config";
import type { Variant } from "@/lib/pipeline/types";
import { VARIANT_SHAPES } from "@/lib/pipeline/variants";
import type { ProfileData } from "@/lib/profiles/schema";
import { parseOrThrow } from "@/lib/profiles/validation";
import { MAX_DIALOGUE_MESSAGES } from "./limits";
import {
  END_MARKER,
  magnetClientSchema,
  magnetCounselorSchema,
  magnetProfileKey,
  magnetSeedRecordSchema,
  nonBlank,
  profileFromMagnetRecord,
  type SeedParts,
  text,
} from "./magnet-records";
import { sessionContentKey } from "./session-key";
import { sessionNumberOf } from "./session-number";

type Message = { role: "counselor" | "client"; message: string };

const dialogueSchema = z
  .array(z.object({ role: z.enum(["counselor", "client"]), message: text }))
  .min(2, "needs at least the two opening messages")
  .max(
    MAX_DIALOGUE_MESSAGES,
    `holds at most ${MAX_DIALOGUE_MESSAGES} messages (an opening pair and the rounds)`,
  )
  .superRefine(checkTurns);

/** Counselor at even positions, client at odd ones; only a client's last message may be empty. */
function checkTurns(dialogue: Message[], ctx: z.RefinementCtx) {
  if (dialogue.length > MAX_DIALOGUE_MESSAGES) return;
  dialogue.forEach((message, index) => {
    const expected = index % 2 === 0 ? "counselor" : "client";
    if (message.role !== expected) {
      ctx.addIssue({
        code: "custom",
        path: [index, "role"],
        message: `expected "${expected}" (counselor and client must alternate, counselor first)`,
      });
    }
    // A client that wrote nothing but [/END] leaves an empty last message once the marker is removed.
    const endsSession = index === dialogue.length - 1 && message.role === "client";
    if (message.message.trim() === "" && !endsSession) {
      ctx.addIssue({ code: "custom", path: [index, "message"], message: "must not be empty" });
    }
  });
}

export const publishedSessionSchema = z.object({
  AI_client: magnetClientSchema,
  AI_counselor: magnetCounselorSchema,
  cbt_technique: nonBlank,
  cbt_plan: text.nullish(),
  dialogue: dialogueSchema,
});

export const officialSessionSchema = z.object({
  example: magnetSeedRecordSchema,
  cbt_technique: text.nullish(),
  cbt_plan: text.nullish(),
  cost: z.number().finite().nullish(),
  history: dialogueSchema,
});

export type SessionFormat = "official" | "published";

/** What both formats say, in one shape. */
interface SessionRecord {
  format: SessionFormat;
  seed: SeedParts;
  /** The seed's ground_truth_CBT; null when the format does not carry it. */
  groundTruthCbt: string[] | null;
  techniqueRaw: string | null;
  plan: string | null;
  cost: number | null;
  dialogue: Message[];
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
  variant: Variant;
  format: SessionFormat;
  profileKey: string;
  /** Built from the session's own seed part, for when the profile was never imported. */
  profile: ProfileData;
  importedFrom: string;
  sessionNumber: number | null;
  cost: number | null;
  groundTruthCbt: string[] | null;
  status: "completed" | "ended_by_client";
  technique: string | null;
  techniqueRaw: string | null;
  plan: string | null;
  openingCounselor: string;
  openingClient: string;
  rounds: ImportedRound[];
}

/** Validates a session file of either format and reads it as a session of the given variant. */
export function sessionFromFile(value: unknown, fileName: string, variant: Variant): ImportedSession {
  const record = readSessionRecord(value);
  checkTechniqueFitsVariant(record.techniqueRaw, variant);
  const [opening, reply, ...rest] = record.dialogue;
  const rounds = roundsFromDialogue(rest);
  const content = {
    profileKey: magnetProfileKey(record.seed.AI_client.intake_form, record.seed.AI_client.attitude),
    techniqueRaw: record.techniqueRaw,
    plan: record.plan?.trim() ? record.plan : null,
    openingCounselor: opening.message,
    openingClient: reply.message,
    rounds,
  };
  return {
    ...content,
    externalKey: sessionContentKey(variant, content),
    variant,
    format: record.format,
    profile: profileFromMagnetRecord(record.seed, record.groundTruthCbt ?? []),
    importedFrom: fileName,
    sessionNumber: sessionNumberOf(fileName),
    cost: record.cost,
    groundTruthCbt: record.groundTruthCbt,
    status: rounds.some((round) => round.endedByClient) ? "ended_by_client" : "completed",
    technique: record.techniqueRaw === null ? null : matchCbtTechnique(record.techniqueRaw),
  };
}

function readSessionRecord(value: unknown): SessionRecord {
  if (typeof value === "object" && value !== null && "history" in value) {
    const file = parseOrThrow(officialSessionSchema, value);
    return {
      format: "official",
      seed: file.example,
      groundTruthCbt: file.example.ground_truth_CBT,
      techniqueRaw: file.cbt_technique?.trim() ? file.cbt_technique : null,
      plan: file.cbt_plan ?? null,
      cost: file.cost ?? null,
      dialogue: file.history,
    };
  }
  const file = parseOrThrow(publishedSessionSchema, value);
  return {
    format: "published",
    seed: file,
    groundTruthCbt: null,
    techniqueRaw: file.cbt_technique,
    plan: file.cbt_plan ?? null,
    cost: null,
    dialogue: file.dialogue,
  };
}

/** A file read under the wrong variant is caught here: only the planning variants have a technique. */
function checkTechniqueFitsVariant(techniqueRaw: string | null, variant: Variant) {
  const plans = VARIANT_SHAPES[variant].planner;
  if (plans === (techniqueRaw !== null)) return;
  const message = plans
    ? `is empty, but the ${variant} variant has a planner; choose the variant of the method that wrote this file`
    : `is set, but the ${variant} variant has no planner; choose the variant of the method that wrote this file`;
  throw new AppError("validation", `cbt_technique: ${message}`, [{ field: "cbt_technique", message }]);
}

/**
 * Pairs the messages after the opening into rounds. A session shorter than the paper's 20 rounds was
 * ended by its client: the official scripts stop only on [/END], which they remove from the text.
 */
function roundsFromDialogue(messages: Message[]): ImportedRound[] {
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
  const last = rounds.at(-1);
  if (last?.clientReply != null) {
    // An empty last reply is a client that wrote nothing but the (removed) marker.
    const short = rounds.length < DEFAULT_MAX_ROUNDS;
    if (short || last.clientReply.trim() === "") last.endedByClient = true;
  }
  return rounds;
}
