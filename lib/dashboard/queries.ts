import "server-only";
import { createHash } from "node:crypto";
import { getDb, type Prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { LLAMA3_VOCAB_SIZE, llama3Tokens, NgramPool, normalizeSessionText } from "@/lib/eval/diversity";
import { dialogueOf } from "@/lib/export/magnet";
import { sessionWhere } from "@/lib/sessions/queries";
import type { SessionListFilter } from "@/lib/sessions/schema";
import { type AggregateOptions, aggregateResults } from "./aggregate";
import { inGroup, type ResultsDashboard, type SessionResult, type SetDiversity } from "./schema";
import { type JudgedRow, judgeOf, type SessionFacts, sessionValues } from "./session-values";

/** Only finished sessions are compared: a running or failed one would bias every mean. */
const FINISHED = ["completed", "ended_by_client"] as const;
// 1000 resamples keep a 3-variant, 300-session dashboard near a second; percentile bounds move < 0.01 SD.
const DEFAULTS = { resamples: 1000, confidence: 0.95 };

export async function getExperimentResultsById({ id }: { id: string }, options: AggregateOptions = {}) {
  const experiment = await getDb().experiment.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!experiment) throw notFound("Experiment", id);
  const [dashboard, unfinished] = await Promise.all([
    cachedDashboard(id, options),
    getDb().session.count({ where: { experimentId: id, status: { notIn: [...FINISHED] } } }),
  ]);
  return { experiment, unfinished, dashboard };
}

// The page, its CSV and its API ask for the same dashboard; it is recomputed only when a session of
// the experiment or a judged result changed (bootstrap and tokenizing cost about a second at 300).
const recent = new Map<string, { stamp: string; dashboard: Promise<ResultsDashboard> }>();

async function cachedDashboard(experimentId: string, options: AggregateOptions): Promise<ResultsDashboard> {
  const db = getDb();
  const [sessions, results] = await Promise.all([
    db.session.aggregate({ where: { experimentId }, _max: { updatedAt: true }, _count: true }),
    db.evaluationResult.aggregate({
      where: { OR: [{ session: { experimentId } }, { metric: "panas_before" }] },
      _max: { createdAt: true },
      _count: true,
    }),
  ]);
  const stamp = JSON.stringify([sessions, results, options]);
  const hit = recent.get(experimentId);
  if (hit?.stamp === stamp) return hit.dashboard;
  const dashboard = getResultsDashboard({ experimentId }, options);
  dashboard.catch(() => recent.delete(experimentId));
  recent.delete(experimentId);
  recent.set(experimentId, { stamp, dashboard });
  if (recent.size > 8) recent.delete(recent.keys().next().value as string);
  return dashboard;
}

/** The dashboard of what the Sessions list shows with these filters (its finished sessions). */
export function getFilteredResults(filter: SessionListFilter, options: AggregateOptions = {}) {
  return getResultsDashboard(sessionWhere(filter), options);
}

/** The dashboard of the finished sessions `where` selects (an experiment, or a list's filter). */
export async function getResultsDashboard(
  where: Prisma.SessionWhereInput,
  options: AggregateOptions = {},
): Promise<ResultsDashboard> {
  const facts = await sessionFactsWhere({ AND: [where, { status: { in: [...FINISHED] } }] });
  const sessions: SessionResult[] = facts.map(
    ({ rounds, tokensIn, tokensOut, cost, tokens, judged, before, ...s }) => ({
      ...s,
      values: sessionValues({ ...s, rounds, tokensIn, tokensOut, cost, tokens, judged, before }),
    }),
  );
  const settings = { ...DEFAULTS, ...options };
  const aggregate = aggregateResults(sessions, settings);
  const judges = facts.flatMap((f) => {
    const judge = judgeOf(f.judged);
    return f.judged.filter((row) => row.judgeModel === judge);
  });
  return {
    ...aggregate,
    judges: {
      models: [...new Set(judges.map((row) => row.judgeModel).filter((m): m is string => m !== null))].sort(),
      simulated: judges.some((row) => row.simulated),
    },
    sessions,
    diversity: aggregate.groups.flatMap((group) =>
      aggregate.variants.flatMap((variant) => {
        const members = facts.filter((f) => f.variant === variant && inGroup(f, group));
        return members.length ? [setDiversity(group, variant, members)] : [];
      }),
    ),
    bootstrap: settings,
  };
}

function setDiversity(
  group: SetDiversity["group"],
  variant: SetDiversity["variant"],
  members: SessionFacts[],
): SetDiversity {
  const pool = new NgramPool();
  for (const member of members) pool.add(member.tokens);
  const { distinct1, distinct2, distinct3, ead } = pool.scores("llama3", LLAMA3_VOCAB_SIZE);
  return { group, variant, sessions: members.length, distinct1, distinct2, distinct3, ead };
}

const JUDGED_SELECT = {
  metric: true,
  item: true,
  run: true,
  score: true,
  judgeModel: true,
  simulated: true,
} as const;

async function sessionFactsWhere(where: Prisma.SessionWhereInput): Promise<SessionFacts[]> {
  const db = getDb();
  const rows = await db.session.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      variant: true,
      status: true,
      profileId: true,
      tokensIn: true,
      tokensOut: true,
      cost: true,
      openingCounselor: true,
      openingClient: true,
      profile: { select: { name: true, attitude: true } },
      rounds: {
        orderBy: { index: "asc" },
        select: { counselorReply: true, clientReply: true, selectedTechniques: true },
      },
    },
  });
  const [judged, before] = await Promise.all([
    db.evaluationResult.findMany({
      where: {
        sessionId: { in: rows.map((r) => r.id) },
        metric: { in: ["ctrs", "wai", "panas_after"] },
        status: "succeeded",
      },
      select: { ...JUDGED_SELECT, sessionId: true },
      orderBy: { createdAt: "desc" },
    }),
    db.evaluationResult.findMany({
      where: {
        profileId: { in: [...new Set(rows.map((r) => r.profileId))] },
        metric: "panas_before",
        status: "succeeded",
      },
      select: { ...JUDGED_SELECT, profileId: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const judgedBySession = groupBy(judged, (row) => row.sessionId ?? "");
  const beforeByProfile = groupBy(before, (row) => row.profileId ?? "");
  const facts: SessionFacts[] = [];
  for (const { profile, rounds, openingCounselor, openingClient, ...row } of rows) {
    const messages = dialogueOf({ openingCounselor, openingClient, rounds }).map((m) => m.message);
    facts.push({
      ...row,
      client: profile.name,
      attitude: profile.attitude,
      rounds,
      tokens: await tokensOf(normalizeSessionText(messages)),
      judged: judgedBySession.get(row.id) ?? [],
      before: beforeByProfile.get(row.profileId) ?? [],
    });
  }
  return facts;
}

// Tokenizing is most of a dashboard's first load (about 250,000 tokens a second); a finished
// session's text rarely changes, so its tokens are kept by a digest of the text.
const tokenCache = new Map<string, number[]>();
const TOKEN_CACHE_SESSIONS = 1500;

async function tokensOf(text: string): Promise<number[]> {
  const key = createHash("sha1").update(text).digest("base64");
  const hit = tokenCache.get(key);
  if (hit) return hit;
  const tokens = await llama3Tokens(text);
  tokenCache.set(key, tokens);
  if (tokenCache.size > TOKEN_CACHE_SESSIONS) tokenCache.delete(tokenCache.keys().next().value as string);
  return tokens;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, JudgedRow[]> {
  const groups = new Map<string, JudgedRow[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row as unknown as JudgedRow);
    else groups.set(k, [row as unknown as JudgedRow]);
  }
  return groups;
}
