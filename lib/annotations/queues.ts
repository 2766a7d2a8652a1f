import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { getDb, type Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { sessionWhere } from "@/lib/sessions/queries";
import type { CreateQueueRequest, QueueDetail, QueueProgress, QueueSummary } from "./queue-schema";

// Queues of sessions to annotate: created by a researcher, seen by the annotators assigned to them.

/** The Sessions list's filter (or the experiment), narrowed to sessions with a round to annotate. */
function sessionsOf(request: CreateQueueRequest): Prisma.SessionWhereInput {
  const filter = request.experimentId ? { experiment: request.experimentId } : (request.filter ?? {});
  return { ...sessionWhere(filter), roundCount: { gt: 0 } };
}

/** Each session goes to `overlap` annotators, taken in turn so everyone gets a fair share. */
export function assignInTurn(sessions: number, annotators: readonly string[], overlap: number): string[][] {
  return Array.from({ length: sessions }, (_, i) =>
    Array.from({ length: overlap }, (_, k) => annotators[(i * overlap + k) % annotators.length]),
  );
}

export async function createQueue(request: CreateQueueRequest, creatorId: string) {
  const db = getDb();
  if (request.experimentId) {
    const experiment = await db.experiment.count({ where: { id: request.experimentId } });
    if (!experiment)
      throw fieldError("not_found", "experimentId", `Experiment ${request.experimentId} was not found`);
  }
  const users = await db.user.findMany({
    where: { id: { in: request.annotatorIds }, deactivatedAt: null },
    select: { id: true, role: true },
  });
  const unknown = request.annotatorIds.find((id) => !users.some((u) => u.id === id));
  if (unknown)
    throw fieldError("not_found", "annotatorIds", `User ${unknown} was not found or is deactivated`);
  const viewer = users.find((u) => !hasRole(u.role, "annotator"));
  if (viewer)
    throw fieldError("validation", "annotatorIds", `User ${viewer.id} is a viewer and cannot annotate`);
  const sessions = await db.session.findMany({
    where: sessionsOf(request),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: request.limit,
    select: { id: true },
  });
  if (!sessions.length) {
    throw fieldError(
      "validation",
      request.experimentId ? "experimentId" : "filter",
      "matches no session with rounds",
    );
  }
  const who = assignInTurn(sessions.length, request.annotatorIds, request.overlap);
  const origin = request.experimentId
    ? { experimentId: request.experimentId }
    : { filter: request.filter ?? {} };
  const queue = await db.annotationQueue.create({
    data: {
      name: request.name,
      overlap: request.overlap,
      origin,
      createdById: creatorId,
      items: {
        create: sessions.map((session, position) => ({
          sessionId: session.id,
          position,
          assignments: { create: who[position].map((userId) => ({ userId })) },
        })),
      },
    },
    select: { id: true },
  });
  return { id: queue.id, sessions: sessions.length };
}

function fieldError(code: "not_found" | "validation", field: string, message: string): AppError {
  return new AppError(code, message, [{ field, message }]);
}

/** Researchers see every queue; annotators only the ones they are assigned to. */
function visibleTo(user: CurrentUser): Prisma.AnnotationQueueWhereInput {
  return hasRole(user.role, "researcher")
    ? {}
    : { items: { some: { assignments: { some: { userId: user.id } } } } };
}

const QUEUE_SELECT = {
  id: true,
  name: true,
  overlap: true,
  origin: true,
  createdAt: true,
  items: {
    orderBy: { position: "asc" },
    select: {
      sessionId: true,
      position: true,
      session: { select: { roundCount: true, variant: true, profile: { select: { name: true } } } },
      assignments: { select: { user: { select: { id: true, name: true } } } },
    },
  },
} as const satisfies Prisma.AnnotationQueueSelect;

type QueueRow = Prisma.AnnotationQueueGetPayload<{ select: typeof QUEUE_SELECT }>;

export async function listQueues(user: CurrentUser): Promise<QueueSummary[]> {
  const rows = await getDb().annotationQueue.findMany({
    where: visibleTo(user),
    orderBy: { createdAt: "desc" },
    take: 200,
    select: QUEUE_SELECT,
  });
  const done = await roundsDone(rows.flatMap((q) => q.items.map((i) => i.sessionId)));
  return rows.map((row) => summaryOf(row, user.id, done));
}

export async function getQueueById(user: CurrentUser, id: string): Promise<QueueDetail> {
  const row = await getDb().annotationQueue.findFirst({
    where: { id, ...visibleTo(user) },
    select: QUEUE_SELECT,
  });
  if (!row) throw notFound("Annotation queue", id);
  const done = await roundsDone(row.items.map((i) => i.sessionId));
  const forms = await formsDone(row.items.map((i) => i.sessionId));
  return {
    ...summaryOf(row, user.id, done),
    origin: row.origin,
    items: row.items.map((item) => ({
      sessionId: item.sessionId,
      position: item.position,
      client: item.session.profile.name,
      variant: item.session.variant,
      rounds: item.session.roundCount,
      annotators: item.assignments.map(({ user: a }) => ({
        ...a,
        roundsDone: done.get(`${a.id}:${item.sessionId}`) ?? 0,
        formsDone: forms.has(`${a.id}:${item.sessionId}`),
      })),
    })),
  };
}

/** A queue's name and sessions with their client, for views that need no one's progress. */
export async function getQueueSessions(user: CurrentUser, id: string) {
  const row = await getDb().annotationQueue.findFirst({
    where: { id, ...visibleTo(user) },
    select: {
      name: true,
      items: {
        orderBy: { position: "asc" },
        select: { sessionId: true, session: { select: { profile: { select: { name: true } } } } },
      },
    },
  });
  if (!row) throw notFound("Annotation queue", id);
  const items = row.items.map((item) => ({ sessionId: item.sessionId, client: item.session.profile.name }));
  return { name: row.name, items };
}

function summaryOf(row: QueueRow, userId: string, done: Map<string, number>): QueueSummary {
  const annotators = new Map<string, { id: string; name: string }>();
  const mine: QueueProgress = { done: 0, total: 0 };
  for (const item of row.items) {
    for (const { user } of item.assignments) {
      annotators.set(user.id, user);
      if (user.id !== userId) continue;
      mine.total += item.session.roundCount;
      mine.done += Math.min(done.get(`${userId}:${item.sessionId}`) ?? 0, item.session.roundCount);
    }
  }
  return {
    id: row.id,
    name: row.name,
    overlap: row.overlap,
    sessions: row.items.length,
    annotators: [...annotators.values()],
    createdAt: row.createdAt.toISOString(),
    mine,
  };
}

/** "author:session" → rounds that author has annotated in that session. */
async function roundsDone(sessionIds: string[]): Promise<Map<string, number>> {
  const rows = await getDb().annotation.groupBy({
    by: ["authorId", "sessionId"],
    where: { sessionId: { in: [...new Set(sessionIds)] }, target: "round" },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [`${r.authorId}:${r.sessionId}`, r._count._all]));
}

async function formsDone(sessionIds: string[]): Promise<Set<string>> {
  const rows = await getDb().annotation.findMany({
    where: { sessionId: { in: [...new Set(sessionIds)] }, target: "session" },
    select: { authorId: true, sessionId: true },
  });
  return new Set(rows.map((r) => `${r.authorId}:${r.sessionId}`));
}

/**
 * The signed-in person's part of a queue, in order, and where to resume: the first round they
 * have not annotated yet (or the last round when all are done).
 */
export async function getMyQueueWork(user: CurrentUser, id: string) {
  const db = getDb();
  const queue = await db.annotationQueue.findFirst({
    where: { id, ...visibleTo(user) },
    select: {
      id: true,
      name: true,
      items: {
        where: { assignments: { some: { userId: user.id } } },
        orderBy: { position: "asc" },
        select: {
          sessionId: true,
          session: { select: { roundCount: true, profile: { select: { name: true } } } },
        },
      },
    },
  });
  if (!queue) throw notFound("Annotation queue", id);
  const annotated = await db.annotation.findMany({
    where: { authorId: user.id, target: "round", sessionId: { in: queue.items.map((i) => i.sessionId) } },
    select: { sessionId: true, roundIndex: true },
  });
  const done = new Set(annotated.map((a) => `${a.sessionId}:${a.roundIndex}`));
  const items = queue.items.map((item) => ({
    sessionId: item.sessionId,
    client: item.session.profile.name,
    rounds: item.session.roundCount,
    done: Array.from({ length: item.session.roundCount }, (_, k) => done.has(`${item.sessionId}:${k + 1}`)),
  }));
  let resume: { sessionId: string; round: number } | null = null;
  for (const item of items) {
    const at = item.done.indexOf(false);
    if (at >= 0) {
      resume = { sessionId: item.sessionId, round: at + 1 };
      break;
    }
  }
  const last = items.at(-1);
  resume ??= last ? { sessionId: last.sessionId, round: Math.max(1, last.rounds) } : null;
  return { id: queue.id, name: queue.name, items, resume };
}
export type MyQueueWork = Awaited<ReturnType<typeof getMyQueueWork>>;
