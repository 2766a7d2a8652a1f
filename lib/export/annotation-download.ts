import "server-only";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { annotationCsvChunks, annotationJsonlChunks, goldPairChunks } from "./annotations";
import type { ExportScope } from "./records";
import type { AnnotationExportQuery } from "./schema";

const encoder = new TextEncoder();

/** The download of every annotation (of one queue's sessions, if named), streamed as it is read. */
export async function annotationDownload(query: AnnotationExportQuery) {
  const scope: ExportScope = {};
  if (query.queueId) {
    const queue = await getDb().annotationQueue.findUnique({
      where: { id: query.queueId },
      select: { items: { select: { sessionId: true } } },
    });
    if (!queue) throw notFound("Annotation queue", query.queueId);
    scope.ids = queue.items.map((item) => item.sessionId);
  }
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
