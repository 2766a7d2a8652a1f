// The identity of an imported session. Every official method names its files session_N.json, so a
// file name says nothing about identity: the same content read as the same variant is the same
// session, and anything else is a different one.

import { createHash } from "node:crypto";

export interface SessionContent {
  profileKey: string;
  techniqueRaw: string | null;
  plan: string | null;
  openingCounselor: string;
  openingClient: string;
  rounds: { counselorReply: string; clientReply: string | null }[];
}

export function sessionContentKey(variant: string, content: SessionContent): string {
  const digest = createHash("sha256")
    .update(
      JSON.stringify([
        content.profileKey,
        content.techniqueRaw,
        content.plan,
        content.openingCounselor,
        content.openingClient,
        content.rounds.map((round) => [round.counselorReply, round.clientReply]),
      ]),
    )
    .digest("hex");
  return `import:${variant}:${digest.slice(0, 32)}`;
}

/** How the first importer keyed sessions: by file name alone ("magnet-session:session_12"). */
export const LEGACY_SESSION_KEY_PREFIX = "magnet-session:";
