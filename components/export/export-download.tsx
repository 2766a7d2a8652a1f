"use client";

import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, type ExportFormat } from "@/lib/export/schema";

const FILTER_KEYS = ["variant", "attitude", "source"] as const;

/** Downloads the sessions the list's filters select, in a chosen format (streamed by /api/export). */
export function ExportDownload({ filters }: { filters: URLSearchParams }) {
  const [format, setFormat] = useState<ExportFormat>("magnet-json");
  const query = new URLSearchParams({ format });
  for (const key of FILTER_KEYS) {
    const value = filters.get(key);
    if (value) query.set(key, value);
  }
  return (
    <fieldset
      className="flex w-full min-w-0 flex-wrap items-center gap-2 sm:ml-auto sm:w-auto sm:border-l sm:border-border sm:pl-3"
      data-testid="export-download"
      aria-label="Export the sessions these filters select"
    >
      <span className="text-xs font-medium text-fg-muted">Export as</span>
      <Select
        className="min-w-0 max-w-full flex-1 sm:flex-none"
        aria-label="Export format"
        value={format}
        onChange={(e) => setFormat(EXPORT_FORMATS.find((f) => f === e.target.value) ?? "magnet-json")}
      >
        {EXPORT_FORMATS.map((f) => (
          <option key={f} value={f}>
            {EXPORT_FORMAT_LABELS[f]}
          </option>
        ))}
      </Select>
      <a
        className={buttonClass("secondary")}
        href={`/api/export?${query.toString()}`}
        download
        title="Exports every session matching the variant, attitude and source filters"
      >
        Download
      </a>
    </fieldset>
  );
}
