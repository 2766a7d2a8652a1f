import "server-only";
import { getDb, type Prisma } from "@/lib/db/client";
import { ROUND_DIALOGUE_SELECT, ROUND_STEERING_SELECT } from "@/lib/sessions/round-select";
import type { ExportFilter, NumberRange } from "./schema";

// Sessions read in pages by id, so an export of any size holds one page in memory at a time.
const PAGE = 50;

const sessionSelect = {
  id: true,
  profileId: true,
  variant: true,
  source: true,
  status: true,
  sessionNumber: true,
  cost: true,
  groundTruthCbt: true,
  config: true,
  technique: true,
  techniqueRaw: true,
  plan: true,
  openingCounselor: true,
  openingClient: true,
  profile: {
    select: {
      name: true,
      intakeText: true,
      attitude: true,
      attitudeInstruction: true,
      clientInformation: true,
      reasonForCounseling: true,
      referenceTechniques: true,
    },
  },
  rounds: {
    orderBy: { index: "asc" },
    select: { ...ROUND_DIALOGUE_SELECT, ...ROUND_STEERING_SELECT },
  },
} satisfies Prisma.SessionSelect;

export type ExportSession = Prisma.SessionGetPayload<{ select: typeof sessionSelect }>;

export interface ExportScope extends ExportFilter {
  /** Only sessions whose number falls in one of these ranges; `outside` inverts it. */
  numbers?: { ranges: NumberRange[]; outside?: boolean };
  /** Only these sessions (the evaluation of one session from its page). */
  ids?: string[];
  /** The last id within `limit` (see limitToId): lets several passes over the scope share one limit. */
  maxId?: string;
}

export function exportWhere(scope: ExportScope): Prisma.SessionWhereInput {
  const where: Prisma.SessionWhereInput = { rounds: { some: {} } };
  if (scope.variant) where.variant = scope.variant;
  if (scope.source) where.source = scope.source;
  if (scope.attitude) where.profile = { attitude: scope.attitude };
  if (scope.maxId || scope.ids) where.id = { lte: scope.maxId, in: scope.ids };
  if (scope.numbers) {
    const inRanges = scope.numbers.ranges.map((r) => ({ sessionNumber: { gte: r.from, lte: r.to } }));
    where.AND = scope.numbers.outside ? [{ NOT: { OR: inRanges } }] : [{ OR: inRanges }];
  }
  return where;
}

/** The sessions of the scope, oldest id first, with their profile and rounds. */
export async function* streamExportSessions(scope: ExportScope): AsyncGenerator<ExportSession> {
  const db = getDb();
  const where = exportWhere(scope);
  let cursor: string | undefined;
  let left = scope.limit ?? Number.POSITIVE_INFINITY;
  while (left > 0) {
    const page = await db.session.findMany({
      where,
      select: sessionSelect,
      orderBy: { id: "asc" },
      take: Math.min(PAGE, left),
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    for (const session of page) yield session;
    if (page.length < PAGE) return;
    left -= page.length;
    cursor = page[page.length - 1].id;
  }
}

/** Turns `limit` into the id of the last session it keeps, so each pass of a multi-file export agrees. */
export async function limitToId(scope: ExportScope): Promise<ExportScope> {
  if (scope.limit === undefined) return scope;
  const last = await getDb().session.findFirst({
    where: exportWhere(scope),
    orderBy: { id: "asc" },
    skip: scope.limit - 1,
    select: { id: true },
  });
  return { ...scope, limit: undefined, maxId: last?.id };
}

export async function countExportSessions(scope: ExportScope): Promise<number> {
  const count = await getDb().session.count({ where: exportWhere(scope) });
  return Math.min(count, scope.limit ?? count);
}

/** The latest succeeded output of each specialist per round, for the CSV's candidate columns. */
export async function candidatesOf(sessionId: string): Promise<Map<string, string>> {
  const calls = await getDb().agentCall.findMany({
    where: { sessionId, status: "succeeded", role: { startsWith: "specialist:" } },
    select: { roundIndex: true, role: true, cleanedOutput: true },
    orderBy: { startedAt: "asc" },
  });
  const byKey = new Map<string, string>();
  for (const call of calls) byKey.set(`${call.roundIndex}:${call.role}`, call.cleanedOutput ?? "");
  return byKey;
}
