import "server-only";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { RoundTimelineResponse } from "./timeline-schema";

/** When each stored call of a round started and finished, every attempt; `now` lets a browser align its clock. */
export async function getRoundTimelineById({
  id,
  round,
}: {
  id: string;
  round: number;
}): Promise<RoundTimelineResponse> {
  const session = await getDb().session.findUnique({ where: { id }, select: { id: true } });
  if (!session) throw notFound("Session", id);
  const calls = await getDb().agentCall.findMany({
    where: { sessionId: id, roundIndex: round },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    select: { id: true, role: true, attempt: true, status: true, startedAt: true, finishedAt: true },
  });
  return {
    now: Date.now(),
    calls: calls.map((call) => ({
      ...call,
      startedAt: call.startedAt.getTime(),
      finishedAt: call.finishedAt?.getTime() ?? null,
    })),
  };
}
