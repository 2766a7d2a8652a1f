import "server-only";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { annotationCsvChunks, annotationJsonlChunks, goldPairChunks } from "./annotations";
import { type ExportScope, exportWhere } from "./records";
import type { AnnotationExportQuery } from "./schema";

const encoder = new TextEncoder();

/** The download of every annotation (of one queue's sessions, if named), streamed as it is read. */
export async function annotationDownload(query: AnnotationExportQuery) {
  const scope = await scopeOf(query.queueId);
  const stamp = new Date().toISOString().slice(0, 10);
  if (query.format === "annotations-csv") {
    return {
      body: streamOf(annotationCsvChunks(scope)),
      fileName: `magnet-annotations-${stamp}.csv`,
      contentType: "text/csv; charset=utf-8",
    };
  }
  const gold = query.format === "gold-jsonl";
  return {
    body: streamOf(gold ? goldPairChunks(scope) : annotationJsonlChunks(scope)),
    fileName: `magnet-${gold ? "gold-rewrites" : "annotations"}-${stamp}.jsonl`,
    contentType: "application/x-ndjson; charset=utf-8",
  };
}

/** Whether the download (of one queue, if named) would hold any annotation or preference at all. */
export async function hasAnnotationsToExport(queueId?: string): Promise<boolean> {
  const sessions = exportWhere(await scopeOf(queueId));
  const db = getDb();
  const [annotation, preference] = await Promise.all([
    db.annotation.findFirst({ where: { session: sessions }, select: { id: true } }),
    db.pairwisePreference.findFirst({
      where: { sessionA: sessions, sessionB: sessions },
      select: { id: true },
    }),
  ]);
  return annotation !== null || preference !== null;
}

async function scopeOf(queueId: string | undefined): Promise<ExportScope> {
  if (!queueId) return {};
  const queue = await getDb().annotationQueue.findUnique({
    where: { id: queueId },
    select: { items: { select: { sessionId: true } } },
  });
  if (!queue) throw notFound("Annotation queue", queueId);
  return { ids: queue.items.map((item) => item.sessionId) };
}

function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
