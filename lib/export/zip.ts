import "server-only";
import { Zip, ZipDeflate } from "fflate";
import { exportFiles, newTally } from "./files";
import type { ChatSplit, ExportFilter, ExportFormat } from "./schema";

const encoder = new TextEncoder();

/** The export as a zip, produced as the browser reads it: one chunk of one file per pull. */
export function exportZipStream(
  format: ExportFormat,
  filter: ExportFilter,
  split: ChatSplit,
): ReadableStream<Uint8Array> {
  const files = exportFiles(format, filter, split, newTally());
  let zip: Zip;
  let current: { entry: ZipDeflate; chunks: AsyncGenerator<string> } | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, data, final) => {
        if (error) return controller.error(error);
        if (data.length) controller.enqueue(data);
        if (final) controller.close();
      });
    },
    async pull() {
      for (;;) {
        if (!current) {
          const next = await files.next();
          if (next.done) return zip.end();
          const entry = new ZipDeflate(next.value.path, { level: 6 });
          zip.add(entry);
          current = { entry, chunks: next.value.chunks() };
        }
        const chunk = await current.chunks.next();
        if (chunk.done) {
          current.entry.push(new Uint8Array(0), true);
          current = null;
          continue;
        }
        current.entry.push(encoder.encode(chunk.value));
        return;
      }
    },
    async cancel() {
      await files.return(undefined);
    },
  });
}

/** A single-file export (CSV) streamed as is. */
export function exportTextStream(
  format: ExportFormat,
  filter: ExportFilter,
  split: ChatSplit,
): ReadableStream<Uint8Array> {
  const files = exportFiles(format, filter, split, newTally());
  let chunks: AsyncGenerator<string> | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (!chunks) {
          const next = await files.next();
          if (next.done) return controller.close();
          chunks = next.value.chunks();
        }
        const chunk = await chunks.next();
        if (!chunk.done) return controller.enqueue(encoder.encode(chunk.value));
        chunks = null;
      }
    },
  });
}
