import "server-only";
import { CBT_TECHNIQUES, SPECIALIST_TECHNIQUES, type SpecialistTechnique } from "@/lib/cbt/techniques";
import { getDb, Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type {
  AgentCallRecord,
  InterventionRecord,
  PlanRecord,
  RoundRecord,
  RoundSteering,
  SessionAwaiting,
  SessionProgress,
  SessionStore,
  StatusUpdate,
} from "@/lib/pipeline";
import { lockKeyHalves } from "@/lib/runs/run-lock";

type Db = ReturnType<typeof getDb>;
type Tx = Prisma.TransactionClient;

/** Statuses after which a run is over (for now): they stamp finishedAt. `paused` waits for the next round. */
const RUN_ENDING_STATUSES = ["completed", "ended_by_client", "failed", "stopped"];

/**
 * The engine's SessionStore on PostgreSQL. Every write is awaited by the engine; a round and the
 * session's counters are written in one transaction, and a round can only follow the last one.
 */
export class PrismaSessionStore implements SessionStore {
  /**
   * PromptVersion ids by "role@version", all read in one query when the run saves its first call
   * (instead of one query per agent prompt). A version missing from them is looked up on its own; null
   * when no such row exists (none are created).
   */
  private promptVersionIds: Promise<Map<string, Promise<string | null>>> | undefined;

  /**
   * With `runLock`, status writes only happen while the run holds that lock and its backend still
   * holds the session's run lock: a run that lost or released its lock cannot overwrite the status of
   * the run that took over (which may hold the lock on the same pooled connection).
   */
  constructor(
    private readonly db: () => Db = getDb,
    private readonly runLock?: { sessionId: string; backendPid: number; readonly held: boolean },
  ) {}

  async loadProgress(sessionId: string): Promise<SessionProgress> {
    const session = await this.db().session.findUnique({
      where: { id: sessionId },
      select: {
        technique: true,
        techniqueRaw: true,
        plan: true,
        rounds: { orderBy: { index: "asc" } },
      },
    });
    if (!session) throw notFound("Session", sessionId);
    const tokens = await this.succeededTokensByRound(sessionId);
    const rounds = session.rounds.map((row) => roundRecordOf(sessionId, row, tokens.get(row.index)));
    assertContiguous(sessionId, rounds);
    return { plan: planRecordOf(sessionId, session, tokens.get(null)), rounds };
  }

  async saveAgentCall(record: AgentCallRecord): Promise<void> {
    const promptVersionId = await this.promptVersionIdOf(record.promptRole, record.promptVersion);
    await this.db().agentCall.create({ data: agentCallData(record, promptVersionId) });
  }

  /** Writes the plan once; a second plan for the same session would count its tokens twice. */
  async savePlan(plan: PlanRecord): Promise<void> {
    const { count } = await this.db().session.updateMany({
      where: { id: plan.sessionId, plan: null },
      data: {
        technique: plan.technique,
        techniqueRaw: plan.techniqueRaw,
        plan: plan.plan,
        tokensIn: { increment: plan.tokensIn },
        tokensOut: { increment: plan.tokensOut },
      },
    });
    if (count === 0) {
      await requireSession(this.db(), plan.sessionId);
      throw new AppError("conflict", `Session ${plan.sessionId} already has a plan`, [
        { field: "plan", message: "already saved" },
      ]);
    }
  }

  async commitRound(round: RoundRecord): Promise<void> {
    try {
      await this.db().$transaction(async (tx) => {
        const { count } = await tx.session.updateMany({
          where: { id: round.sessionId, roundCount: round.index - 1 },
          data: {
            roundCount: round.index,
            tokensIn: { increment: round.tokensIn },
            tokensOut: { increment: round.tokensOut },
          },
        });
        if (count === 0) throw await outOfOrder(tx, round);
        await tx.round.create({ data: roundData(round) });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw roundConflict(round, "already committed");
      throw error;
    }
  }

  async setStatus(sessionId: string, update: StatusUpdate): Promise<void> {
    const starting = update.status === "running";
    const ending = RUN_ENDING_STATUSES.includes(update.status);
    const count = await this.db().$executeRaw`
      UPDATE "Session" SET
        "status" = ${update.status}::"SessionStatus",
        "error" = ${update.error ?? null},
        "awaiting" = NULL,
        "startedAt" = CASE WHEN ${starting} THEN COALESCE("startedAt", now()) ELSE "startedAt" END,
        "finishedAt" = CASE WHEN ${ending} THEN now() ELSE NULL END,
        "updatedAt" = now()
      WHERE "id" = ${sessionId} AND ${this.runLockStillHeld(sessionId, "status")}`;
    if (count > 0) return;
    await requireSession(this.db(), sessionId);
    throw runLockLost(sessionId, "status");
  }

  /**
   * Sets only while the session runs (a session that does not run waits for nobody). Like the status,
   * only while this store's run holds the lock: a run that lost it would mark the successor's session.
   */
  async setAwaiting(sessionId: string, awaiting: SessionAwaiting | null): Promise<void> {
    const count = await this.db().$executeRaw`
      UPDATE "Session" SET
        "awaiting" = CASE WHEN "status" = 'running' THEN ${awaiting}::"SessionAwaiting" ELSE NULL END,
        "updatedAt" = now()
      WHERE "id" = ${sessionId} AND ${this.runLockStillHeld(sessionId, "awaiting")}`;
    if (count > 0) return;
    await requireSession(this.db(), sessionId);
    throw runLockLost(sessionId, "awaiting");
  }

  /**
   * The condition a run's write adds: its backend still holds the session's run lock (the lock object
   * alone cannot tell, its connection may be gone unnoticed). Without a run lock, any write goes.
   */
  private runLockStillHeld(sessionId: string, field: LockedWrite): Prisma.Sql {
    const lock = this.runLock?.sessionId === sessionId ? this.runLock : null;
    if (!lock) return Prisma.sql`TRUE`;
    if (!lock.held) throw runLockLost(sessionId, field);
    const { high, low } = lockKeyHalves(sessionId);
    return Prisma.sql`EXISTS (
      SELECT 1 FROM pg_locks
      WHERE locktype = 'advisory' AND objsubid = 1 AND granted AND pid = ${lock.backendPid}::int
        AND classid = ${high}::oid AND objid = ${low}::oid)`;
  }

  /** A committed round's new values after one of its outputs was regenerated. */
  async reviseRound(round: RoundRecord): Promise<void> {
    await this.db().round.update({
      where: { sessionId_index: { sessionId: round.sessionId, index: round.index } },
      data: {
        counselorReply: round.counselorReply,
        clientReply: round.clientReply,
        endedByClient: round.endedByClient,
        selectedTechniques: round.selectedTechniques,
        selectionRationale: round.selectionRationale,
        staleOutputs: round.staleOutputs ?? [],
        ...(round.steering ? steeringData(round.steering) : {}),
      },
    });
  }

  async saveIntervention(record: InterventionRecord): Promise<string> {
    const { id } = await this.db().intervention.create({
      data: {
        sessionId: record.sessionId,
        roundIndex: record.roundIndex,
        kind: record.kind,
        originalValue: record.originalValue ?? Prisma.DbNull,
        newValue: record.newValue,
        userId: record.by.userId,
        userName: record.by.name,
        ...(record.detail ? { detail: record.detail } : {}),
      },
      select: { id: true },
    });
    return id;
  }

  private async promptVersionIdOf(role: string, version: number): Promise<string | null> {
    this.promptVersionIds ??= this.db()
      .promptVersion.findMany({ select: { id: true, role: true, version: true } })
      .then((rows) => new Map(rows.map((row) => [`${row.role}@${row.version}`, Promise.resolve(row.id)])))
      .catch((error: unknown) => {
        this.promptVersionIds = undefined; // the next call asks again
        throw error;
      });
    const ids = await this.promptVersionIds;
    const key = `${role}@${version}`;
    let id = ids.get(key);
    if (!id) {
      id = this.db()
        .promptVersion.findUnique({ where: { role_version: { role, version } }, select: { id: true } })
        .then((row) => row?.id ?? null);
      ids.set(key, id);
    }
    return id;
  }

  /** Tokens of the successful calls per round (null: the planner), as RoundRecord and PlanRecord count them. */
  private async succeededTokensByRound(sessionId: string) {
    const groups = await this.db().agentCall.groupBy({
      by: ["roundIndex"],
      // Judge calls (lib/eval) are stored with the session but are not part of its generation.
      where: { sessionId, status: "succeeded", NOT: { role: { startsWith: "judge:" } } },
      _sum: { tokensIn: true, tokensOut: true },
    });
    return new Map(
      groups.map((g) => [g.roundIndex, { tokensIn: g._sum.tokensIn ?? 0, tokensOut: g._sum.tokensOut ?? 0 }]),
    );
  }
}

type Tokens = { tokensIn: number; tokensOut: number };
const NO_TOKENS: Tokens = { tokensIn: 0, tokensOut: 0 };

function agentCallData(record: AgentCallRecord, promptVersionId: string | null) {
  return {
    id: record.id,
    sessionId: record.sessionId,
    roundIndex: record.roundIndex,
    role: record.role,
    technique: record.technique,
    provider: record.provider,
    modelId: record.modelId,
    settings: toJson(record.settings),
    promptVersionId,
    promptMessages: toJson(record.promptMessages),
    rawOutput: record.rawOutput,
    cleanedOutput: record.cleanedOutput,
    tokensIn: record.tokensIn,
    tokensOut: record.tokensOut,
    latencyMs: Math.round(record.latencyMs),
    attempt: record.attempt,
    status: record.status,
    error: record.error,
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
  } satisfies Prisma.AgentCallUncheckedCreateInput;
}

function roundData(round: RoundRecord) {
  return {
    sessionId: round.sessionId,
    index: round.index,
    counselorReply: round.counselorReply,
    clientReply: round.clientReply,
    endedByClient: round.endedByClient,
    selectedTechniques: round.selectedTechniques,
    selectionRationale: round.selectionRationale,
    ...(round.staleOutputs?.length ? { staleOutputs: round.staleOutputs } : {}),
    ...(round.steering ? steeringData(round.steering) : {}),
  } satisfies Prisma.RoundUncheckedCreateInput;
}

function steeringData(steering: RoundSteering) {
  const edited = steering.counselorEdited || steering.clientEdited || steering.selectionOverridden;
  return {
    seat: steering.seat,
    selectionOverridden: steering.selectionOverridden,
    originalSelectedTechniques: steering.originalSelectedTechniques,
    counselorEdited: steering.counselorEdited,
    originalCounselorReply: steering.originalCounselorReply,
    clientEdited: steering.clientEdited,
    originalClientReply: steering.originalClientReply,
    ...(edited ? { editedAt: new Date() } : {}),
  };
}

function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

interface RoundRow {
  index: number;
  counselorReply: string;
  clientReply: string | null;
  endedByClient: boolean;
  selectedTechniques: string[];
  selectionRationale: string | null;
}

/**
 * A committed round as the engine wrote it. Not stored, so approximated: `selectionFallback` (false) and
 * tokens (the round's successful calls, including those of a run that died before committing it).
 */
function roundRecordOf(sessionId: string, row: RoundRow, tokens: Tokens = NO_TOKENS): RoundRecord {
  return {
    sessionId,
    index: row.index,
    counselorReply: row.counselorReply,
    clientReply: row.clientReply,
    endedByClient: row.endedByClient,
    selectedTechniques: row.selectedTechniques.filter(isSpecialistTechnique),
    selectionRationale: row.selectionRationale,
    selectionFallback: false,
    ...tokens,
  };
}

function planRecordOf(
  sessionId: string,
  row: { technique: string | null; techniqueRaw: string | null; plan: string | null },
  tokens: Tokens = NO_TOKENS,
): PlanRecord | null {
  if (row.plan === null) return null;
  const technique = CBT_TECHNIQUES.find((t) => t === row.technique) ?? null;
  return { sessionId, technique, techniqueRaw: row.techniqueRaw ?? "", plan: row.plan, ...tokens };
}

function isSpecialistTechnique(value: string): value is SpecialistTechnique {
  return (SPECIALIST_TECHNIQUES as readonly string[]).includes(value);
}

/** A resumed session continues after its last round, so the rounds must be exactly 1..n. */
function assertContiguous(sessionId: string, rounds: RoundRecord[]): void {
  const gap = rounds.findIndex((round, i) => round.index !== i + 1);
  if (gap >= 0) {
    throw new AppError("conflict", `Session ${sessionId} has no round ${gap + 1}; it cannot be continued`, [
      { field: "rounds", message: `round ${gap + 1} is missing` },
    ]);
  }
}

async function requireSession(db: Db | Tx, sessionId: string): Promise<{ roundCount: number }> {
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { roundCount: true } });
  if (!session) throw notFound("Session", sessionId);
  return session;
}

async function outOfOrder(tx: Tx, round: RoundRecord): Promise<AppError> {
  const { roundCount } = await requireSession(tx, round.sessionId);
  return roundConflict(round, `expected round ${roundCount + 1}`);
}

function roundConflict(round: RoundRecord, message: string): AppError {
  return new AppError(
    "conflict",
    `Round ${round.index} of session ${round.sessionId} is out of order: ${message}`,
    [{ field: "index", message }],
  );
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** What a run writes to its session under its lock, in the words of the refusal. */
const LOCKED_WRITES = { status: "the status", awaiting: "what the session waits for" };
type LockedWrite = keyof typeof LOCKED_WRITES;

function runLockLost(sessionId: string, field: LockedWrite): AppError {
  return new AppError(
    "conflict",
    `Session ${sessionId}: this run lost its run lock, so it leaves ${LOCKED_WRITES[field]} to the run that holds it`,
    [{ field, message: "run lock lost" }],
  );
}
