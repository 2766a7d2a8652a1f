import "server-only";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { pricePerMillion } from "./cost";
import { CELL_ORDER } from "./create";
import { DEFAULT_ARM } from "./design";
import {
  type ExperimentCounts,
  type ExperimentDesign,
  type ExperimentDetail,
  type ExperimentListResponse,
  type ExperimentProgress,
  type ExperimentStatus,
  experimentDesignSchema,
} from "./schema";

const FINISHED = new Set(["completed", "ended_by_client", "failed"]);

const sessionSelect = {
  id: true,
  status: true,
  awaiting: true,
  variant: true,
  experimentArm: true,
  experimentRepeat: true,
  roundCount: true,
  maxRounds: true,
  startedAt: true,
  finishedAt: true,
  profile: { select: { id: true, name: true, attitude: true } },
} as const;

export async function getExperimentById({ id }: { id: string }): Promise<ExperimentDetail> {
  const experiment = await getDb().experiment.findUnique({ where: { id } });
  if (!experiment) throw notFound("Experiment", id);
  const sessions = await getDb().session.findMany({
    where: { experimentId: id },
    select: sessionSelect,
    orderBy: CELL_ORDER,
  });
  const progress = progressOf(
    experiment,
    sessions.map((s) => ({ ...s, sessions: 1, firstStartedAt: s.startedAt })),
    await usageByExperiment([id]).then((u) => u.get(id) ?? []),
  );
  return {
    ...progress,
    sessions: sessions.map((s) => ({
      id: s.id,
      status: s.status,
      awaiting: s.awaiting,
      variant: s.variant,
      arm: s.experimentArm ?? DEFAULT_ARM,
      repeat: s.experimentRepeat ?? 1,
      roundCount: s.roundCount,
      maxRounds: s.maxRounds,
      profile: s.profile,
    })),
  };
}

export async function listExperiments({
  page,
  pageSize,
}: {
  page: number;
  pageSize: number;
}): Promise<ExperimentListResponse> {
  const [total, experiments] = await Promise.all([
    getDb().experiment.count(),
    getDb().experiment.findMany({
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  // Two queries for the whole page, whatever its size: its sessions counted by status, and its usage.
  const ids = experiments.map((e) => e.id);
  const [groups, usage] = await Promise.all([
    getDb().session.groupBy({
      by: ["experimentId", "status"],
      where: { experimentId: { in: ids } },
      _count: { _all: true },
      _sum: { roundCount: true, maxRounds: true },
      _min: { startedAt: true },
    }),
    usageByExperiment(ids),
  ]);
  const items = experiments.map((experiment) =>
    progressOf(
      experiment,
      groups
        .filter((g) => g.experimentId === experiment.id)
        .map((g) => ({
          status: g.status,
          sessions: g._count._all,
          roundCount: g._sum.roundCount ?? 0,
          maxRounds: g._sum.maxRounds ?? 0,
          firstStartedAt: g._min.startedAt,
        })),
      usage.get(experiment.id) ?? [],
    ),
  );
  return { items, total, page, pageSize };
}

interface ExperimentRow {
  id: string;
  name: string;
  description: string | null;
  status: ExperimentStatus;
  createdAt: Date;
  config: unknown;
}
/** Sessions of one status (one session, or a group of them): their rounds played and planned, summed. */
interface StatusGroup {
  status: string;
  sessions: number;
  roundCount: number;
  maxRounds: number;
  firstStartedAt: Date | null;
}

function progressOf(
  experiment: ExperimentRow,
  groups: StatusGroup[],
  usageRows: UsageRow[],
): ExperimentProgress {
  const counts = countSessions(experiment.status, groups);
  const rounds = {
    done: sum(groups.map((g) => g.roundCount)),
    // A finished session planned what it ran (a client may end early).
    planned: sum(groups.map((g) => (FINISHED.has(g.status) ? g.roundCount : g.maxRounds))),
  };
  const usage = usageOf(usageRows);
  const finished = counts.done + counts.failed === counts.total;
  const started = groups.map((g) => g.firstStartedAt?.getTime()).filter((t): t is number => t !== undefined);
  const elapsed = started.length ? (Date.now() - Math.min(...started)) / 1000 : 0;
  const left = rounds.planned - rounds.done;
  const secondsLeft =
    rounds.done > 0 && left > 0 && experiment.status === "running"
      ? Math.round((elapsed / rounds.done) * left)
      : null;
  const cost = usage.cost === null ? null : { ...estimate(usage.cost, rounds), free: usage.free };
  return {
    id: experiment.id,
    name: experiment.name,
    description: experiment.description,
    status: experiment.status,
    createdAt: experiment.createdAt.toISOString(),
    design: parseDesign(experiment.config),
    counts,
    rounds,
    tokens: { input: usage.input, output: usage.output },
    cost,
    secondsLeft,
    finished,
  };
}

function countSessions(status: ExperimentStatus, groups: StatusGroup[]): ExperimentCounts {
  const counts: ExperimentCounts = {
    total: sum(groups.map((g) => g.sessions)),
    done: 0,
    failed: 0,
    running: 0,
    queued: 0,
    halted: 0,
  };
  for (const g of groups) {
    if (g.status === "failed") counts.failed += g.sessions;
    else if (FINISHED.has(g.status)) counts.done += g.sessions;
    else if (g.status === "running") counts.running += g.sessions;
    else if (status === "running" && g.status === "draft") counts.queued += g.sessions;
    else counts.halted += g.sessions;
  }
  return counts;
}

interface UsageRow {
  provider: string;
  modelId: string;
  tokensIn: number;
  tokensOut: number;
}

/** Tokens per model of each experiment's agent calls. */
async function usageByExperiment(ids: string[]): Promise<Map<string, UsageRow[]>> {
  const rows = ids.length
    ? await getDb().$queryRaw<(UsageRow & { experimentId: string })[]>`
        SELECT s."experimentId", c."provider", c."modelId",
          coalesce(sum(c."tokensIn"), 0)::float8 AS "tokensIn", coalesce(sum(c."tokensOut"), 0)::float8 AS "tokensOut"
        FROM "AgentCall" c JOIN "Session" s ON s."id" = c."sessionId"
        WHERE s."experimentId" = ANY(${ids})
        GROUP BY 1, 2, 3`
    : [];
  const byExperiment = new Map<string, UsageRow[]>();
  for (const { experimentId, ...row } of rows)
    byExperiment.set(experimentId, [...(byExperiment.get(experimentId) ?? []), row]);
  return byExperiment;
}

function usageOf(rows: UsageRow[]) {
  let cost: number | null = 0;
  let free = rows.length > 0;
  let input = 0;
  let output = 0;
  for (const row of rows) {
    const { tokensIn, tokensOut } = row;
    input += tokensIn;
    output += tokensOut;
    const price = pricePerMillion(row.provider, row.modelId);
    cost = price === null || cost === null ? null : cost + (tokensIn * price[0] + tokensOut * price[1]) / 1e6;
    free &&= price !== null && price[0] === 0 && price[1] === 0;
  }
  return { input, output, cost, free };
}

function estimate(spent: number, rounds: { done: number; planned: number }) {
  const estimatedTotal = rounds.done > 0 ? (spent / rounds.done) * rounds.planned : spent;
  return { spent: round(spent), estimatedTotal: round(estimatedTotal) };
}

function parseDesign(config: unknown): ExperimentDesign {
  return experimentDesignSchema.parse(config);
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const round = (value: number) => Math.round(value * 10_000) / 10_000;
