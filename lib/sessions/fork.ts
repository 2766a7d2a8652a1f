import "server-only";
import { getDb, type Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { PromptSet } from "@/lib/prompts";
import { AGENT_KINDS, supportsStructuredOutput } from "@/lib/providers";
import { assertModelsOffered, parseSessionSnapshot, type SessionSnapshot, SNAPSHOT_VERSION } from "./create";
import { answerEditedCounselorReply, clientEditOf, getForkPromptsByVersion } from "./fork-edit";
import type { ForkSessionRequest } from "./schema";

/**
 * A new session that shares the parent's opening, plan and rounds 1..round (copied, calls included,
 * so the inspector and the token counts work as for any session) and continues on its own from
 * there, paused, with its own models, temperatures and prompt versions if given. An edited message
 * replaces the client's reply of that round, or the counselor's reply of the next one (which the
 * client then answers; that round's other calls are copied, as the reply the person replaced was
 * theirs). The parent is only read.
 */
export async function forkSessionById({ id, fork }: { id: string; fork: ForkSessionRequest }) {
  const { round, models = {}, edit } = fork;
  assertModelsOffered(models);
  const prompts = await getForkPromptsByVersion(fork.prompts);
  const forked = await getDb().$transaction(async (tx) => {
    const lastShared = edit?.speaker === "counselor" ? round + 1 : round;
    const parent = await tx.session.findUnique({
      where: { id },
      include: { rounds: { where: { index: { lte: lastShared } }, orderBy: { index: "asc" } } },
    });
    if (!parent) throw notFound("Session", id);
    assertForkable(parent, round);
    const parentNext = parent.rounds.find((r) => r.index === round + 1) ?? null;
    const rounds = parent.rounds.filter((r) => r.index <= round);
    if (edit?.speaker === "counselor" && !parentNext) {
      throw new AppError(
        "validation",
        `Session ${id} has no round ${round + 1} whose counselor reply to edit`,
        [{ field: "edit.speaker", message: `round ${round + 1} not committed` }],
      );
    }
    const snapshot = forkSnapshot(parent, rounds.length, fork, prompts);
    const calls = await tx.agentCall.findMany({
      where: {
        sessionId: id,
        OR: [
          { roundIndex: null },
          { roundIndex: { lte: round } },
          ...(parentNext ? [{ roundIndex: round + 1, NOT: { role: "client" } }] : []),
        ],
      },
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
      data: rounds.map(({ id: _id, sessionId: _s, ...row }) => ({
        ...row,
        ...(edit?.speaker === "client" && row.index === round ? clientEditOf(row, edit.text) : {}),
        sessionId: child.id,
      })),
    });
    await tx.agentCall.createMany({
      data: calls.map(({ id: _id, sessionId: _s, settings, promptMessages, ...call }) => ({
        ...call,
        sessionId: child.id,
        settings: settings ?? {},
        promptMessages: promptMessages ?? [],
      })),
    });
    return { id: child.id, parentNext };
  });
  if (edit?.speaker === "counselor" && forked.parentNext) {
    await answerEditedCounselorReply({
      sessionId: forked.id,
      parentRound: forked.parentNext,
      text: edit.text,
    });
  }
  return { id: forked.id };
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
  const shared = parent.rounds.filter((r) => r.index <= round);
  if (shared.length < round) {
    throw new AppError(
      "validation",
      `Session ${parent.id} has no committed round ${round}`,
      field("not committed"),
    );
  }
  if (shared.at(-1)?.endedByClient) {
    throw new AppError(
      "validation",
      `The client ended session ${parent.id} in round ${round}: there is nothing to continue`,
      field("ended by the client"),
    );
  }
}

function forkSnapshot(
  parent: ParentRow,
  sharedRounds: number,
  { models = {}, temperatures = {}, maxRounds }: ForkSessionRequest,
  prompts: Partial<PromptSet>,
) {
  const { config, profile } = parseSessionSnapshot(parent.config, `session ${parent.id}`);
  const agents = { ...config.agents };
  for (const kind of AGENT_KINDS) {
    const model = models[kind];
    const temperature = temperatures[kind];
    const settings = { ...agents[kind].settings };
    if (model && kind === "selector") settings.structuredOutput = supportsStructuredOutput(model);
    if (temperature !== undefined) settings.temperature = temperature;
    agents[kind] = { model: model ?? agents[kind].model, settings };
  }
  const snapshot: SessionSnapshot = {
    snapshotVersion: SNAPSHOT_VERSION,
    variant: parent.variant,
    ...config,
    agents,
    prompts: { ...config.prompts, ...prompts },
    maxRounds: maxRounds ?? config.maxRounds,
    profile,
  };
  if (snapshot.maxRounds <= sharedRounds) {
    throw new AppError(
      "validation",
      `Round ${sharedRounds} is the session's last: give maxRounds to continue`,
      [{ field: "maxRounds", message: `must exceed ${sharedRounds}` }],
    );
  }
  parseSessionSnapshot(snapshot, "the fork");
  return snapshot;
}
