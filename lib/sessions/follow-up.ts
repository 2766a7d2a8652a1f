import "server-only";
import { getDb, type Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { contextOf, createEmitter, dialogueOf, MemorySessionStore } from "@/lib/pipeline";
import { runAgentCall } from "@/lib/pipeline/call";
import { formatHistory, formatPlan, renderSummarizerPrompt } from "@/lib/prompts";
import { createSession, parseSessionSnapshot } from "./create";

const FINISHED = ["completed", "ended_by_client", "stopped"];

/**
 * Session 2 for the same client: the summarizer (run through the provider registry with the planner's
 * model) writes what the next counselor needs from this session, and a draft session is created whose
 * agents get that summary; a researcher may edit it before the session starts. The session summarized
 * is only read. A course stays a line: a session has at most one follow-up.
 */
export async function startFollowUpSession({ id }: { id: string }) {
  const previous = await getDb().session.findUnique({
    where: { id },
    include: { rounds: { orderBy: { index: "asc" } }, followUps: { select: { id: true } } },
  });
  if (!previous) throw notFound("Session", id);
  if (previous.source === "imported") {
    throw new AppError("unprocessable", `Session ${id} was imported: it has no config to follow up with`, [
      { field: "id", message: "imported session" },
    ]);
  }
  if (!FINISHED.includes(previous.status) || previous.rounds.length === 0) {
    throw new AppError(
      "conflict",
      `Session ${id} is ${previous.status}: finish it before starting the next one`,
      [{ field: "status", message: previous.status }],
    );
  }
  if (previous.followUps.length) {
    throw new AppError("conflict", `Session ${id} already has a follow-up: ${previous.followUps[0].id}`, [
      { field: "id", message: "already followed up" },
    ]);
  }
  const { config, profile } = parseSessionSnapshot(previous.config, `session ${id}`);
  const summary = await summarize(previous, profile, config);
  const { agents } = config;
  const models = Object.fromEntries(Object.entries(agents).map(([kind, setup]) => [kind, setup.model]));
  const created = await createSession({
    profileId: previous.profileId,
    variant: previous.variant,
    overrides: {
      maxRounds: config.maxRounds,
      minRoundsBeforeEnd: config.minRoundsBeforeEnd,
      switches: config.switches,
      models,
    },
    followUp: { of: id, summary, originalSummary: summary },
  });
  return { id: created.id };
}

type PreviousSession = Prisma.SessionGetPayload<{ include: { rounds: true } }>;
type Snapshot = ReturnType<typeof parseSessionSnapshot>;

async function summarize(
  previous: PreviousSession,
  profile: Snapshot["profile"],
  config: Snapshot["config"],
) {
  const plan = previous.plan
    ? formatPlan({
        technique: previous.technique,
        techniqueRaw: previous.techniqueRaw ?? "",
        plan: previous.plan,
      })
    : null;
  const prompt = renderSummarizerPrompt({
    clientInformation: profile.clientInformation,
    reasonForCounseling: profile.reasonForCounseling,
    plan,
    history: formatHistory(dialogueOf(previous, previous.rounds)),
  });
  const sessionId = `summary:${previous.id}`;
  // The summary is kept with session 2 (its config and originalSummary), not as a call of session 1.
  const result = await runAgentCall(
    contextOf({ sessionId, config, store: new MemorySessionStore() }, createEmitter(sessionId, undefined)),
    {
      prompt,
      agent: "planner",
      roundIndex: null,
      clean: (raw) => raw.trim(),
      signal: new AbortController().signal,
    },
  );
  return result.text;
}

/** A researcher's edit of a follow-up's summary, before the session starts: its agents get this text. */
export async function updateFollowUpSummary({ id, summary }: { id: string; summary: string }) {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({
      where: { id },
      select: { status: true, config: true, followUpOfId: true, originalSummary: true },
    });
    if (!session) throw notFound("Session", id);
    if (session.originalSummary === null) {
      throw new AppError("validation", `Session ${id} is not a follow-up: it has no summary`, [
        { field: "id", message: "not a follow-up" },
      ]);
    }
    const config = { ...(session.config as Record<string, unknown>), previousSession: summary };
    // Only while a draft: once a run starts, its agents have been given the summary.
    const { count } = await tx.session.updateMany({
      where: { id, status: "draft" },
      data: { config: config as Prisma.InputJsonObject },
    });
    if (count === 0) {
      throw new AppError("conflict", `Session ${id} has started: its agents already have the summary`, [
        { field: "summary", message: `session is ${session.status}` },
      ]);
    }
    return { id, summary, edited: summary !== session.originalSummary };
  });
}
