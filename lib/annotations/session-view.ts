import "server-only";
import { SPECIALIST_TECHNIQUES, type SpecialistTechnique } from "@/lib/cbt/techniques";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { candidatesOf } from "@/lib/export/records";
import { ROUND_DIALOGUE_SELECT } from "@/lib/sessions/round-select";

/** What an annotator reads: the whole dialogue, and per round the five candidates and the selection. */
export interface AnnotationSessionView {
  id: string;
  client: string;
  presentingProblem: string;
  technique: string | null;
  plan: string | null;
  opening: { counselor: string; client: string };
  rounds: {
    index: number;
    counselorReply: string;
    clientReply: string | null;
    selectedTechniques: string[];
    candidates: Partial<Record<SpecialistTechnique, string>>;
  }[];
}

export async function getAnnotationSessionView(id: string): Promise<AnnotationSessionView> {
  const session = await getDb().session.findUnique({
    where: { id },
    select: {
      id: true,
      technique: true,
      techniqueRaw: true,
      plan: true,
      openingCounselor: true,
      openingClient: true,
      profile: { select: { name: true, presentingProblem: true } },
      rounds: { orderBy: { index: "asc" }, select: ROUND_DIALOGUE_SELECT },
    },
  });
  if (!session) throw notFound("Session", id);
  const candidates = await candidatesOf(id);
  return {
    id: session.id,
    client: session.profile.name,
    presentingProblem: session.profile.presentingProblem,
    technique: session.technique ?? session.techniqueRaw,
    plan: session.plan,
    opening: { counselor: session.openingCounselor, client: session.openingClient },
    rounds: session.rounds.map((round) => ({
      index: round.index,
      counselorReply: round.counselorReply,
      clientReply: round.clientReply,
      selectedTechniques: round.selectedTechniques,
      candidates: Object.fromEntries(
        SPECIALIST_TECHNIQUES.flatMap((t) => {
          const text = candidates.get(`${round.index}:specialist:${t}`);
          return text === undefined ? [] : [[t, text]];
        }),
      ),
    })),
  };
}
