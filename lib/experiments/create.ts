import "server-only";
import { getDb, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { SessionSnapshot } from "@/lib/sessions/create";
import { assertModelsOffered, createSession, listProfilesBySelection } from "@/lib/sessions/create";
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
 * Creates the experiment, one draft session per cell (each with its config frozen, as any session),
 * and queues their runs. Nothing is queued unless every session was created.
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
  const experiment = await getDb().experiment.create({
    data: {
      name: design.name,
      description: design.description || null,
      config: design as unknown as Prisma.InputJsonObject,
      createdById,
    },
  });
  const runs: { experimentId: string; sessionId: string; provider: string }[] = [];
  for (const cell of experimentCells(design, profiles)) {
    const session = await createSession({
      profileId: cell.profile.id,
      variant: cell.variant,
      overrides: { maxRounds: design.rounds, models: cell.arm.models },
      experiment: { id: experiment.id, arm: cell.arm.name, repeat: cell.repeat },
    });
    runs.push({ experimentId: experiment.id, sessionId: session.id, provider: providerOf(session.config) });
  }
  await queueSessionRuns(runs);
  return { id: experiment.id, sessions: runs.length };
}

/**
 * The provider a session's runs are counted against for the per-provider cap: the first paid one
 * among its agents, else the offline simulator.
 */
export function providerOf(config: unknown): string {
  const agents = Object.values((config as SessionSnapshot).agents ?? {});
  return agents.map((agent) => agent.model.provider).find((p) => p !== "offline") ?? "offline";
}
