import "server-only";
import { getDb } from "@/lib/db/client";
import type { SessionAwaiting } from "@/lib/pipeline/steering";

/** One session of a client's course: session 1, its follow-up session 2, and so on. */
export interface CourseSession {
  id: string;
  status: string;
  /** What the running session waits for a person to do, if anything. */
  awaiting: SessionAwaiting | null;
  roundCount: number;
  createdAt: string;
}

const FIELDS = {
  id: true,
  status: true,
  awaiting: true,
  roundCount: true,
  createdAt: true,
  followUpOfId: true,
} as const;

type Row = {
  id: string;
  status: string;
  awaiting: SessionAwaiting | null;
  roundCount: number;
  createdAt: Date;
  followUpOfId: string | null;
};

/** A profile's courses of two or more sessions, each in order, newest course first. */
export async function listCoursesByProfileId({ id }: { id: string }): Promise<CourseSession[][]> {
  const rows = await getDb().session.findMany({
    where: { profileId: id },
    select: FIELDS,
    orderBy: { createdAt: "asc" },
  });
  const byPrevious = new Map(rows.filter((r) => r.followUpOfId).map((r) => [r.followUpOfId as string, r]));
  const courses = rows
    .filter((row) => row.followUpOfId === null && byPrevious.has(row.id))
    .map((first) => chainFrom(first, byPrevious));
  return courses.reverse();
}

/** The course a session belongs to, and where it stands in it; null for a session without one. */
export async function getCourseBySessionId({ id }: { id: string }) {
  const db = getDb();
  const session = await db.session.findUnique({ where: { id }, select: { ...FIELDS, profileId: true } });
  if (!session) return null;
  // A client's sessions are few: read them all and walk the links in memory.
  const rows: Row[] = await db.session.findMany({ where: { profileId: session.profileId }, select: FIELDS });
  const byId = new Map(rows.map((r) => [r.id, r]));
  let first: Row = session;
  for (let hops = 0; first.followUpOfId && byId.has(first.followUpOfId) && hops < 100; hops++) {
    first = byId.get(first.followUpOfId) as Row;
  }
  const byPrevious = new Map(rows.filter((r) => r.followUpOfId).map((r) => [r.followUpOfId as string, r]));
  const course = chainFrom(first, byPrevious);
  if (course.length < 2) return null;
  return { position: course.findIndex((s) => s.id === id) + 1, sessions: course };
}

function chainFrom(first: Row, byPrevious: Map<string, Row>): CourseSession[] {
  const course: CourseSession[] = [];
  for (let row: Row | undefined = first; row && course.length < 100; row = byPrevious.get(row.id)) {
    course.push({
      id: row.id,
      status: row.status,
      awaiting: row.awaiting,
      roundCount: row.roundCount,
      createdAt: row.createdAt.toISOString(),
    });
  }
  return course;
}

const FINISHED = ["completed", "ended_by_client", "stopped"];

/** What the session page shows of the course: neighbours, the summary it started from, what may change. */
export async function getCourseInfoById({ id }: { id: string }) {
  const session = await getDb().session.findUnique({
    where: { id },
    select: { status: true, source: true, config: true, originalSummary: true, roundCount: true },
  });
  if (!session) return null;
  const course = await getCourseBySessionId({ id });
  const position = course?.position ?? 1;
  const previousSession = (session.config as { previousSession?: unknown } | null)?.previousSession;
  return {
    position,
    total: course?.sessions.length ?? 1,
    previousId: course?.sessions[position - 2]?.id ?? null,
    nextId: course?.sessions[position]?.id ?? null,
    summary:
      session.originalSummary !== null && typeof previousSession === "string"
        ? { text: previousSession, original: session.originalSummary }
        : null,
    finished: session.source === "generated" && session.roundCount > 0 && FINISHED.includes(session.status),
    editable: session.status === "draft",
  };
}
