import "server-only";
import { getDb, type Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { AGENT_KINDS, supportsStructuredOutput } from "@/lib/providers";
import { assertModelsOffered, parseSessionSnapshot, type SessionSnapshot, SNAPSHOT_VERSION } from "./create";
import type { ForkSessionRequest } from "./schema";

/**
 * A new session that shares the parent's opening, plan and rounds 1..round (copied, calls included,
 * so the inspector and the token counts work as for any session) and continues on its own from
 * there, paused. The parent is only read.
 */
export async function forkSessionById({ id, fork }: { id: string; fork: ForkSessionRequest }) {
  const { round, models = {}, maxRounds } = fork;
  assertModelsOffered(models);
  return getDb().$transaction(async (tx) => {
    const parent = await tx.session.findUnique({
      where: { id },
      include: { rounds: { where: { index: { lte: round } }, orderBy: { index: "asc" } } },
    });
    if (!parent) throw notFound("Session", id);
    assertForkable(parent, round);
    const snapshot = forkSnapshot(parent, models, maxRounds);
    const calls = await tx.agentCall.findMany({
      where: { sessionId: id, OR: [{ roundIndex: null }, { roundIndex: { lte: round } }] },
      orderBy: { startedAt: "asc" },
    });
    const succeeded = calls.filter((call) => call.status === "succeeded");
    const child = await tx.session.create({
      data: {
        profileId: parent.profileId,
        variant: parent.variant,
        config: snapshot as unknown as Prisma.InputJsonObject,
        status: "paused",
        source: "generated",
        maxRounds: snapshot.maxRounds,
        technique: parent.technique,
        techniqueRaw: parent.techniqueRaw,
        plan: parent.plan,
        openingCounselor: parent.openingCounselor,
        openingClient: parent.openingClient,
        groundTruthCbt: parent.groundTruthCbt,
        parentId: parent.id,
        forkRound: round,
        roundCount: round,
        tokensIn: succeeded.reduce((sum, call) => sum + (call.tokensIn ?? 0), 0),
        tokensOut: succeeded.reduce((sum, call) => sum + (call.tokensOut ?? 0), 0),
        startedAt: parent.startedAt,
      },
    });
    await tx.round.createMany({
      data: parent.rounds.map(({ id: _id, sessionId: _s, ...row }) => ({ ...row, sessionId: child.id })),
    });
    await tx.agentCall.createMany({
      data: calls.map(({ id: _id, sessionId: _s, settings, promptMessages, ...call }) => ({
        ...call,
        sessionId: child.id,
        settings: settings ?? {},
        promptMessages: promptMessages ?? [],
      })),
    });
    return { id: child.id };
  });
}

type ParentRow = Prisma.SessionGetPayload<{ include: { rounds: true } }>;

function assertForkable(parent: ParentRow, round: number) {
  const field = (message: string) => [{ field: "round", message }];
  if (parent.source === "imported") {
    throw new AppError(
      "unprocessable",
      `Session ${parent.id} was imported: it has no config to run a fork with`,
      [{ field: "id", message: "imported session" }],
    );
  }
  if (parent.rounds.length < round) {
    throw new AppError(
      "validation",
      `Session ${parent.id} has no committed round ${round}`,
      field("not committed"),
    );
  }
  if (parent.rounds.at(-1)?.endedByClient) {
    throw new AppError(
      "validation",
      `The client ended session ${parent.id} in round ${round}: there is nothing to continue`,
      field("ended by the client"),
    );
  }
}

function forkSnapshot(parent: ParentRow, models: ForkSessionRequest["models"] = {}, maxRounds?: number) {
  const { config, profile } = parseSessionSnapshot(parent.config, `session ${parent.id}`);
  const agents = { ...config.agents };
  for (const kind of AGENT_KINDS) {
    const model = models[kind];
    if (!model) continue;
    const settings = { ...agents[kind].settings };
    if (kind === "selector") settings.structuredOutput = supportsStructuredOutput(model);
    agents[kind] = { model, settings };
  }
  const snapshot: SessionSnapshot = {
    snapshotVersion: SNAPSHOT_VERSION,
    variant: parent.variant,
    ...config,
    agents,
    maxRounds: maxRounds ?? config.maxRounds,
    profile,
  };
  if (snapshot.maxRounds <= parent.rounds.length) {
    throw new AppError(
      "validation",
      `Round ${parent.rounds.length} is the session's last: give maxRounds to continue`,
      [{ field: "maxRounds", message: `must exceed ${parent.rounds.length}` }],
    );
  }
  parseSessionSnapshot(snapshot, "the fork");
  return snapshot;
}
