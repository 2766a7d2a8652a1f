import "server-only";
import { type ExportQuery, PAPER_SPLIT } from "./schema";
import { exportTextStream, exportZipStream } from "./zip";

/** The download of an export: the CSV as is, every other format as a zip of its files. */
export function exportDownload(query: ExportQuery) {
  const { format, train, validation, ...filter } = query;
  const split = { train: train ?? PAPER_SPLIT.train, validation: validation ?? PAPER_SPLIT.validation };
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === "csv") {
    return {
      body: exportTextStream(format, filter, split),
      fileName: `magnet-sessions-${stamp}.csv`,
      contentType: "text/csv; charset=utf-8",
    };
  }
  return {
    body: exportZipStream(format, filter, split),
    fileName: `magnet-${format}-${stamp}.zip`,
    contentType: "application/zip",
  };
}
