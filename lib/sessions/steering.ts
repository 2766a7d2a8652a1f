import "server-only";
import { getDb, type Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { NO_STEERING, type SteeringSettings, steeringSettingsSchema } from "@/lib/pipeline/steering";

/** A session's step mode and seat; the default (no pause, agents in both seats) when never set. */
export async function getSessionSteeringById({ id }: { id: string }): Promise<SteeringSettings> {
  const session = await getDb().session.findUnique({ where: { id }, select: { steering: true } });
  if (!session) throw notFound("Session", id);
  return steeringOf(session.steering);
}

export function steeringOf(value: Prisma.JsonValue | null): SteeringSettings {
  const parsed = steeringSettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : NO_STEERING;
}

/** Stores the settings; the session's run reads them when its next round starts. */
export async function setSessionSteeringById({
  id,
  settings,
}: {
  id: string;
  settings: SteeringSettings;
}): Promise<SteeringSettings> {
  const session = await getDb().session.findUnique({ where: { id }, select: { source: true } });
  if (!session) throw notFound("Session", id);
  if (session.source === "imported") {
    throw new AppError("unprocessable", `Session ${id} was imported: there is nothing to steer`, [
      { field: "id", message: "imported session" },
    ]);
  }
  await getDb().session.update({ where: { id }, data: { steering: settings } });
  return settings;
}
