import "server-only";
import { getDb, type Prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { describeSessionModels } from "./config";
import { ROUND_DIALOGUE_SELECT, ROUND_STEERING_SELECT } from "./round-select";
import type { SessionListFilter, SessionListQuery, SessionListResponse } from "./schema";

export async function listSessions(query: SessionListQuery): Promise<SessionListResponse> {
  const db = getDb();
  const where = sessionWhere(query);
  const [total, rows] = await Promise.all([
    db.session.count({ where }),
    db.session.findMany({
      where,
      orderBy: [{ [query.sort]: query.order }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        status: true,
        awaiting: true,
        variant: true,
        source: true,
        technique: true,
        roundCount: true,
        maxRounds: true,
        sessionNumber: true,
        cost: true,
        config: true,
        createdAt: true,
        profile: { select: { id: true, name: true, attitude: true } },
      },
    }),
  ]);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.map(({ config, createdAt, ...row }) => ({
      ...row,
      models: describeSessionModels(config),
      createdAt: createdAt.toISOString(),
    })),
  };
}

/** The Sessions list's filters as a query, for the list and for the results of what it shows. */
export function sessionWhere(query: SessionListFilter): Prisma.SessionWhereInput {
  const where: Prisma.SessionWhereInput = {};
  if (query.status) where.status = query.status;
  if (query.variant) where.variant = query.variant;
  if (query.source) where.source = query.source;
  if (query.profileId) where.profileId = query.profileId;
  if (query.experiment) where.experimentId = query.experiment;
  const profile: Prisma.ClientProfileWhereInput = {};
  if (query.attitude) profile.attitude = query.attitude;
  if (query.search) profile.name = { contains: query.search, mode: "insensitive" };
  if (Object.keys(profile).length) where.profile = profile;
  return where;
}

/**
 * Everything the session page shows: profile, plan, rounds and every agent call in order. The calls'
 * prompt messages (most of their bytes) stay behind: the inspector loads them one call at a time.
 */
export async function getSessionDetailById({ id }: { id: string }) {
  const session = await getDb().session.findUnique({
    where: { id },
    include: {
      profile: true,
      rounds: { orderBy: { index: "asc" } },
      agentCalls: {
        // Judge calls belong to the evaluation panel, not to the rounds.
        where: { NOT: { role: { startsWith: "judge:" } } },
        omit: { promptMessages: true, settings: true },
        orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!session) throw notFound("Session", id);
  return session;
}

export type SessionDetail = Awaited<ReturnType<typeof getSessionDetailById>>;

/**
 * What the session page needs, and no more: the calls' outputs without their prompts and settings,
 * and of the profile what the header shows.
 */
export async function getSessionPageById({ id }: { id: string }) {
  const session = await getDb().session.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      variant: true,
      source: true,
      config: true,
      maxRounds: true,
      roundCount: true,
      tokensIn: true,
      tokensOut: true,
      technique: true,
      techniqueRaw: true,
      plan: true,
      error: true,
      awaiting: true,
      openingCounselor: true,
      openingClient: true,
      profile: { select: { id: true, name: true, attitude: true, presentingProblem: true } },
      steering: true,
      interventions: {
        orderBy: { createdAt: "asc" },
        select: { id: true, roundIndex: true, kind: true, userName: true, createdAt: true, detail: true },
      },
      rounds: {
        orderBy: { index: "asc" },
        select: { ...ROUND_DIALOGUE_SELECT, ...ROUND_STEERING_SELECT },
      },
      agentCalls: {
        // Judge calls belong to the evaluation panel, not to the rounds.
        where: { NOT: { role: { startsWith: "judge:" } } },
        orderBy: [{ startedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          role: true,
          technique: true,
          roundIndex: true,
          provider: true,
          modelId: true,
          attempt: true,
          status: true,
          rawOutput: true,
          cleanedOutput: true,
          error: true,
          latencyMs: true,
          tokensIn: true,
          tokensOut: true,
        },
      },
    },
  });
  if (!session) throw notFound("Session", id);
  return session;
}

export type SessionPageData = Awaited<ReturnType<typeof getSessionPageById>>;
