import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { contextOf, dialogueOf, type RoundRecord } from "@/lib/pipeline";
import { runClient } from "@/lib/pipeline/agents";
import { unsteeredRound } from "@/lib/pipeline/steering";
import { PROMPT_ROLES, type PromptRole, type PromptSet, templateFromText } from "@/lib/prompts";
import { parseSessionSnapshot } from "./create";
import { PrismaSessionStore } from "./store";

/** The edit marks of a client reply a person replaced in a fork: the original is kept alongside. */
export function clientEditOf(row: { clientReply: string | null }, text: string) {
  return {
    clientReply: text,
    clientEdited: true,
    originalClientReply: row.clientReply,
    editedAt: new Date(),
  };
}

/** The templates of the prompt versions a fork names by number; an unknown one is refused by name. */
export async function getForkPromptsByVersion(
  versions: Record<string, number> = {},
): Promise<Partial<PromptSet>> {
  const wanted = Object.entries(versions);
  const unknown = wanted.find(([role]) => !isPromptRole(role));
  if (unknown) {
    throw new AppError("validation", `${unknown[0]} is not a prompt role`, [
      { field: `prompts.${unknown[0]}`, message: "not a prompt role" },
    ]);
  }
  if (!wanted.length) return {};
  const rows = await getDb().promptVersion.findMany({
    where: { OR: wanted.map(([role, version]) => ({ role, version })) },
  });
  const set: Partial<PromptSet> = {};
  for (const [role, version] of wanted) {
    const row = rows.find((r) => r.role === role && r.version === version);
    if (!row || !isPromptRole(role)) {
      throw new AppError("not_found", `There is no ${role} prompt v${version}`, [
        { field: `prompts.${role}`, message: `no version ${version}` },
      ]);
    }
    set[role] = { ...templateFromText(role, version, row.template), ...(row.note ? { note: row.note } : {}) };
  }
  return set;
}

function isPromptRole(role: string): role is PromptRole {
  return (PROMPT_ROLES as string[]).includes(role);
}

interface EditedCounselorReply {
  sessionId: string;
  /** The parent's round after the fork round: its counselor reply is the one replaced. */
  parentRound: {
    index: number;
    counselorReply: string;
    selectedTechniques: string[];
    selectionRationale: string | null;
  };
  text: string;
}

/**
 * Plays the fork's next round from the person's counselor reply: the client agent answers it (its
 * call stored with the fork, its prompt holding the edited reply), and the round is committed marked
 * as edited, the parent's reply kept as the original. A failure removes the fork: no half-made fork.
 */
export async function answerEditedCounselorReply({ sessionId, parentRound, text }: EditedCounselorReply) {
  const db = getDb();
  try {
    const session = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    const { config, profile } = parseSessionSnapshot(session.config, `the fork ${sessionId}`);
    const store = new PrismaSessionStore();
    const { plan, rounds } = await store.loadProgress(sessionId);
    const index = parentRound.index;
    const dialogue = [...dialogueOf(profile, rounds), { role: "counselor" as const, message: text }];
    const ctx = contextOf({ sessionId, config, store }, () => {});
    const client = await runClient(ctx, { profile, plan, dialogue }, index, new AbortController().signal);
    const round: RoundRecord = {
      sessionId,
      index,
      counselorReply: text,
      clientReply: client.text,
      endedByClient: client.ended,
      selectedTechniques: parentRound.selectedTechniques as RoundRecord["selectedTechniques"],
      selectionRationale: parentRound.selectionRationale,
      selectionFallback: false,
      tokensIn: client.usage.inputTokens ?? 0,
      tokensOut: client.usage.outputTokens ?? 0,
      // The store writes the edit mark with the round, in the same commit.
      steering: {
        ...unsteeredRound("agents"),
        counselorEdited: true,
        originalCounselorReply: parentRound.counselorReply,
      },
    };
    await store.commitRound(round);
    if (client.ended || index >= config.maxRounds) {
      const status = client.ended ? "ended_by_client" : "completed";
      await store.setStatus(sessionId, { status });
    }
  } catch (error) {
    await db.session.delete({ where: { id: sessionId } }).catch(() => {});
    throw error;
  }
}
