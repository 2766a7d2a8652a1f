import { END_MARKER } from "@/lib/import-export/magnet-records";
import type { ExportSession } from "./records";

// The two MAGneT shapes: the published sessions and the official scripts' output. Both are rebuilt from
// what we store: the seed record from the profile, the dialogue from the opening and the rounds (the
// current text of an edited turn; the CSV keeps the originals).

export interface DialogueMessage {
  role: "counselor" | "client";
  message: string;
}

/** The opening pair, then every round's counselor and (when it answered) client message. */
export function dialogueOf(
  session: Pick<ExportSession, "openingCounselor" | "openingClient"> & {
    rounds: readonly { counselorReply: string; clientReply: string | null }[];
  },
): DialogueMessage[] {
  const messages: DialogueMessage[] = [
    { role: "counselor", message: session.openingCounselor },
    { role: "client", message: session.openingClient },
  ];
  for (const round of session.rounds) {
    messages.push({ role: "counselor", message: round.counselorReply });
    if (round.clientReply !== null) messages.push({ role: "client", message: round.clientReply });
  }
  return messages;
}

function seedParts(session: ExportSession) {
  const { profile } = session;
  const openingLines = `Counselor: ${session.openingCounselor}\nClient: ${session.openingClient}`;
  return {
    AI_client: {
      intake_form: profile.intakeText,
      attitude: profile.attitude,
      attitude_instruction: profile.attitudeInstruction,
      dialogue_history_init: openingLines,
    },
    AI_counselor: {
      CBT: {
        client_information: profile.clientInformation,
        reason_counseling: profile.reasonForCounseling,
        dialogue_history_init: openingLines,
        init_history_counselor: session.openingCounselor,
        init_history_client: session.openingClient,
      },
      Response: {
        client_information: profile.clientInformation,
        reason_counseling: profile.reasonForCounseling,
        cbt_plan: null,
        dialogue_history: null,
      },
    },
  };
}

/** `{ AI_client, AI_counselor, cbt_technique, cbt_plan, dialogue }`, as the published session_N.json. */
export function toPublishedSession(session: ExportSession) {
  return {
    ...seedParts(session),
    cbt_technique: session.techniqueRaw ?? session.technique,
    cbt_plan: session.plan,
    dialogue: dialogueOf(session),
  };
}

/**
 * `{ example, cbt_technique, cbt_plan, cost, history }`, as the official scripts write it: null technique
 * and plan without a planner, [/END] removed from the text. `cost` is null unless a script reported one.
 */
export function toOfficialOutput(session: ExportSession) {
  const groundTruth = session.groundTruthCbt.length
    ? session.groundTruthCbt
    : session.profile.referenceTechniques;
  return {
    example: { ...seedParts(session), ground_truth_CBT: groundTruth },
    cbt_technique: session.techniqueRaw ?? session.technique,
    cbt_plan: session.plan,
    cost: session.cost,
    history: dialogueOf(session).map((m) =>
      m.message.includes(END_MARKER) ? { ...m, message: m.message.replaceAll(END_MARKER, "").trimEnd() } : m,
    ),
  };
}

/** `session_N.json` when the session has a number not yet used in this export, else its id. */
export function magnetFileName(session: ExportSession, taken: Set<string>): string {
  const byNumber = session.sessionNumber === null ? null : `session_${session.sessionNumber}.json`;
  const name =
    byNumber && !taken.has(`${session.variant}/${byNumber}`) ? byNumber : `session_${session.id}.json`;
  const path = `${session.variant}/${name}`;
  taken.add(path);
  return path;
}
