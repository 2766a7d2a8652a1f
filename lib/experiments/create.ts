import "server-only";
import { getDb, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { SessionSnapshot } from "@/lib/sessions/create";
import { assertModelsOffered, draftSessionData, listProfilesBySelection } from "@/lib/sessions/create";
import { experimentCells, sessionCount } from "./design";
import { queueSessionRuns } from "./queue";
import { type ExperimentDesign, MAX_EXPERIMENT_SESSIONS } from "./schema";

type SelectedProfile = Awaited<ReturnType<typeof listProfilesBySelection>>[number];

/** The profiles of the design: per attitude named (or once, for all), the first `limit` that match. */
export async function listExperimentProfiles(design: ExperimentDesign): Promise<SelectedProfile[]> {
  const attitudes = design.attitudes ?? [undefined];
  const lists = await Promise.all(
    attitudes.map((attitude) =>
      listProfilesBySelection({ ids: design.profiles, attitude, limit: design.limit }),
    ),
  );
  return lists.flat();
}

/**
 * Creates the experiment and one draft session per cell (each with its config frozen, as any
 * session) in one transaction, then queues their runs: nothing is created unless all of it is, and
 * nothing is queued before it is committed.
 */
export async function createExperiment(design: ExperimentDesign, createdById: string | null) {
  for (const [agent, choices] of Object.entries(design.models))
    for (const model of choices ?? []) assertModelsOffered({ [agent]: model });
  const profiles = await listExperimentProfiles(design);
  if (!profiles.length) {
    throw new AppError("unprocessable", "No client profile matches the experiment's profiles and attitudes", [
      { field: "profiles", message: "no profile matches" },
    ]);
  }
  const total = sessionCount(design, profiles.length);
  if (total > MAX_EXPERIMENT_SESSIONS) {
    throw new AppError("validation", `The experiment would have ${total} sessions`, [
      { field: "repeats", message: `${total} sessions is more than ${MAX_EXPERIMENT_SESSIONS}` },
    ]);
  }
  const drafts: Prisma.SessionCreateManyInput[] = [];
  for (const cell of experimentCells(design, profiles)) {
    const draft = await draftSessionData({
      profileId: cell.profile.id,
      variant: cell.variant,
      overrides: { maxRounds: design.rounds, models: cell.arm.models },
    });
    drafts.push({ ...draft, experimentArm: cell.arm.name, experimentRepeat: cell.repeat });
  }
  const { experimentId, sessions } = await getDb().$transaction(
    async (tx) => {
      const experiment = await tx.experiment.create({
        data: {
          name: design.name,
          description: design.description || null,
          config: design as unknown as Prisma.InputJsonObject,
          createdById,
        },
        select: { id: true },
      });
      const sessions: { id: string; config: Prisma.JsonValue }[] = [];
      for (let start = 0; start < drafts.length; start += INSERT_BATCH) {
        const batch = drafts.slice(start, start + INSERT_BATCH);
        sessions.push(
          ...(await tx.session.createManyAndReturn({
            data: batch.map((draft) => ({ ...draft, experimentId: experiment.id })),
            select: { id: true, config: true },
          })),
        );
      }
      return { experimentId: experiment.id, sessions };
    },
    { timeout: 120_000 },
  );
  await queueSessionRuns(
    sessions.map((session) => ({
      experimentId,
      sessionId: session.id,
      provider: providerOf(session.config),
    })),
  );
  return { id: experimentId, sessions: sessions.length };
}

/**
 * An experiment's sessions in the order of its cells: created in one transaction they share their
 * createdAt, and their ids (cuid, made in order) break the tie.
 */
export const CELL_ORDER = [
  { experimentRepeat: "asc" },
  { createdAt: "asc" },
  { id: "asc" },
] satisfies Prisma.SessionOrderByWithRelationInput[];

/** Sessions a statement inserts: a row has ~12 values and PostgreSQL takes 65,535 per statement. */
const INSERT_BATCH = 1_000;

/**
 * The provider a session's runs are counted against for the per-provider cap: the first paid one
 * among its agents, else the offline simulator.
 */
export function providerOf(config: unknown): string {
  const agents = Object.values((config as SessionSnapshot).agents ?? {});
  return agents.map((agent) => agent.model.provider).find((p) => p !== "offline") ?? "offline";
}
