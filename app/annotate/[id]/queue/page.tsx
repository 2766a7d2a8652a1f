import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AnnotationExportLinks } from "@/components/annotations/export-links";
import { QueueAssignments } from "@/components/annotations/queue-assignments";
import { plural } from "@/components/ui/labels";
import { PageHeader } from "@/components/ui/page-header";
import { getQueueById } from "@/lib/annotations/queues";
import { requirePageUser } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { hasAnnotationsToExport } from "@/lib/export/annotation-download";
import { pageRecordId } from "@/lib/http/page-params";

export const metadata: Metadata = { title: "Annotation queue" };

type Props = { params: Promise<{ id: string }> };

/** Who is assigned to which session of a queue, and how far each has got. */
export default async function QueuePage({ params }: Props) {
  const id = await pageRecordId(params);
  const user = await requirePageUser("annotator");
  const queue = await getQueueById(user, id).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const researcher = hasRole(user.role, "researcher");
  const exportable = researcher && (await hasAnnotationsToExport(queue.id));
  return (
    <>
      <PageHeader
        title={queue.name}
        description={`${plural(queue.sessions, "session")} · ${plural(queue.overlap, "annotator")} per session`}
      />
      <nav aria-label="Queue" className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        {queue.mine.total ? (
          <>
            <Link href={`/annotate/${queue.id}`} className="text-accent underline">
              Annotate
            </Link>
            <Link href={`/annotate/${queue.id}/pairs`} className="text-accent underline">
              Pairwise preferences
            </Link>
          </>
        ) : null}
        {researcher ? (
          <Link href={`/annotate/${queue.id}/agreement`} className="text-accent underline">
            Agreement
          </Link>
        ) : null}
      </nav>
      {researcher ? (
        <div className="mb-4">
          <AnnotationExportLinks queueId={queue.id} empty={!exportable} />
        </div>
      ) : null}
      <QueueAssignments queue={queue} />
    </>
  );
}
