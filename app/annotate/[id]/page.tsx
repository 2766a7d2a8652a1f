import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AnnotationWorkspace } from "@/components/annotations/workspace";
import { getMyQueueWork } from "@/lib/annotations/queues";
import { getMySessionAnnotations } from "@/lib/annotations/records";
import { getAnnotationSessionView } from "@/lib/annotations/session-view";
import { requirePageUser } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/http/fields";
import { pageRecordId } from "@/lib/http/page-params";

export const metadata: Metadata = { title: "Annotate" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ session?: string | string[]; round?: string | string[] }>;
};

/** One queue's work for the signed-in person: a session at a time, where they left off unless told. */
export default async function AnnotateQueuePage({ params, searchParams }: Props) {
  const id = await pageRecordId(params);
  const user = await requirePageUser("annotator");
  const work = await getMyQueueWork(user, id).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const query = await searchParams;
  const asked = idSchema.safeParse(query.session);
  const item = work.items.find((i) => asked.success && i.sessionId === asked.data);
  const sessionId = item?.sessionId ?? work.resume?.sessionId;
  if (!sessionId) {
    return <AnnotationWorkspace work={work} current={null} />;
  }
  const askedRound = Number(query.round);
  const round =
    item && Number.isInteger(askedRound) && askedRound >= 1
      ? askedRound
      : work.resume?.sessionId === sessionId
        ? work.resume.round
        : 1;
  const [session, mine] = await Promise.all([
    getAnnotationSessionView(sessionId),
    getMySessionAnnotations(user, sessionId),
  ]);
  return (
    <AnnotationWorkspace
      key={sessionId}
      work={work}
      current={{ session, mine, round: Math.min(round, Math.max(1, session.rounds.length)) }}
    />
  );
}
