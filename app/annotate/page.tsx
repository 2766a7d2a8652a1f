import type { Metadata } from "next";
import { CreateQueueForm } from "@/components/annotations/create-queue-form";
import { AnnotationExportLinks } from "@/components/annotations/export-links";
import { QueueList } from "@/components/annotations/queue-list";
import { PageHeader } from "@/components/ui/page-header";
import { listQueues } from "@/lib/annotations/queues";
import { requirePageUser } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { listUsers } from "@/lib/auth/users";
import { hasAnnotationsToExport } from "@/lib/export/annotation-download";

export const metadata: Metadata = { title: "Annotate" };

export default async function AnnotatePage() {
  const user = await requirePageUser("annotator");
  const researcher = hasRole(user.role, "researcher");
  const [queues, users, exportable] = await Promise.all([
    listQueues(user),
    researcher ? listUsers() : Promise.resolve([]),
    researcher ? hasAnnotationsToExport() : Promise.resolve(false),
  ]);
  const annotators = users
    .filter((u) => u.deactivatedAt === null && hasRole(u.role, "annotator"))
    .map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role }));
  return (
    <>
      <PageHeader
        title="Annotate"
        description="Rate generated counselor turns and whole sessions, one round at a time, keyboard first. Every change saves by itself."
        actions={researcher ? <AnnotationExportLinks empty={!exportable} /> : null}
      />
      <QueueList queues={queues} researcher={researcher} />
      {researcher ? <CreateQueueForm annotators={annotators} currentUserId={user.id} /> : null}
    </>
  );
}
