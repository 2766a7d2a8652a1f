import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { getDb, type Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { compareAndSet, VERSION } from "./compare-and-set";
import {
  isFormComplete,
  type MySessionAnnotations,
  type RoundAnnotationData,
  type SavedAnnotation,
  SESSION_FORMS,
  type SessionAnnotationData,
  type SessionForm,
} from "./schema";

// One person's annotations: saved with optimistic concurrency (the version a save was based on
// must still be the stored one), read back for the Annotate page, with the judge's scores of a
// form only once the person has answered every item of it.

type Target = { kind: "round"; round: number } | { kind: "session" };

/** Annotators annotate the sessions assigned to them; researchers may annotate any session. */
export async function assertMayAnnotate(user: CurrentUser, sessionId: string): Promise<void> {
  const db = getDb();
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { id: true } });
  if (!session) throw notFound("Session", sessionId);
  if (hasRole(user.role, "researcher")) return;
  const assigned = await db.annotationAssignment.count({
    where: { userId: user.id, item: { sessionId } },
  });
  if (!assigned) {
    throw new AppError("forbidden", `Session ${sessionId} is not assigned to you`, [
      { field: "id", message: "not assigned to you" },
    ]);
  }
}

export async function saveRoundAnnotation(
  user: CurrentUser,
  sessionId: string,
  round: number,
  baseVersion: number,
  data: RoundAnnotationData,
): Promise<SavedAnnotation> {
  await assertMayAnnotate(user, sessionId);
  const exists = await getDb().round.count({ where: { sessionId, index: round } });
  if (!exists) {
    throw new AppError("not_found", `Session ${sessionId} has no round ${round}`, [
      { field: "round", message: "not found" },
    ]);
  }
  return save(user.id, sessionId, { kind: "round", round }, baseVersion, data);
}

export async function saveSessionAnnotation(
  user: CurrentUser,
  sessionId: string,
  baseVersion: number,
  data: SessionAnnotationData,
): Promise<SavedAnnotation> {
  await assertMayAnnotate(user, sessionId);
  return save(user.id, sessionId, { kind: "session" }, baseVersion, data);
}

async function save(
  authorId: string,
  sessionId: string,
  target: Target,
  baseVersion: number,
  data: object,
): Promise<SavedAnnotation> {
  const db = getDb();
  const key = {
    authorId,
    sessionId,
    target: target.kind,
    roundIndex: target.kind === "round" ? target.round : 0,
  };
  const json = data as Prisma.InputJsonObject;
  return compareAndSet({
    baseVersion,
    create: () => db.annotation.create({ data: { ...key, data: json } }),
    updateIfAt: (version) =>
      db.annotation.updateMany({
        where: { ...key, version },
        data: { data: json, version: { increment: 1 } },
      }),
    read: () =>
      db.annotation.findUniqueOrThrow({
        where: { authorId_sessionId_target_roundIndex: key },
        select: VERSION,
      }),
    stale: () => stale(target),
  });
}

function stale(target: Target): AppError {
  const what = target.kind === "round" ? `round ${target.round}` : "this session's forms";
  return new AppError(
    "conflict",
    `Your annotation of ${what} was saved elsewhere (another tab?) since this page loaded it. Reload to see the latest before you change it again.`,
    [{ field: "baseVersion", message: "is not the latest saved version" }],
  );
}

export async function getMySessionAnnotations(
  user: CurrentUser,
  sessionId: string,
): Promise<MySessionAnnotations> {
  await assertMayAnnotate(user, sessionId);
  const db = getDb();
  const rows = await db.annotation.findMany({ where: { authorId: user.id, sessionId } });
  const rounds: MySessionAnnotations["rounds"] = {};
  let session: MySessionAnnotations["session"] = null;
  for (const row of rows) {
    const mine = { version: row.version, updatedAt: row.updatedAt.toISOString() };
    if (row.target === "round")
      rounds[row.roundIndex] = { ...mine, data: row.data as unknown as RoundAnnotationData };
    else session = { ...mine, data: row.data as unknown as SessionAnnotationData };
  }
  const answered = SESSION_FORMS.filter((form) => isFormComplete(form, session?.data[form]));
  return { rounds, session, judge: await judgeMeans(sessionId, answered) };
}

/** The judges' mean score per item of the named forms (PANAS before is judged per profile). */
export async function judgeMeans(
  sessionId: string,
  forms: readonly SessionForm[],
): Promise<Partial<Record<SessionForm, Record<string, number>>>> {
  if (!forms.length) return {};
  const db = getDb();
  const { profileId } = await db.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: { profileId: true },
  });
  const rows = await db.evaluationResult.groupBy({
    by: ["metric", "item"],
    where: {
      status: "succeeded",
      score: { not: null },
      metric: { in: [...forms] },
      OR: [{ sessionId }, { profileId, metric: "panas_before" }],
    },
    _avg: { score: true },
  });
  const means: Partial<Record<SessionForm, Record<string, number>>> = {};
  for (const row of rows) {
    const form = row.metric as SessionForm;
    if (row._avg.score === null) continue;
    means[form] = { ...means[form], [row.item]: row._avg.score };
  }
  return means;
}
