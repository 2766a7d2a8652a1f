"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { textActionClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import type { AuditRow } from "@/lib/auth/schema";
import { auditActionLabel, auditDetailLines, auditTargetHref, auditTargetLabel } from "./audit-entry";
import { fetchAudit } from "./requests";

/** The latest audit entries: who changed roles and accounts, who created and stopped sessions. */
export function AuditLog() {
  const entries = useQuery({ queryKey: ["audit"], queryFn: fetchAudit });
  return (
    <Card>
      <CardHeader title="Audit log" subtitle="The latest 200 entries, newest first." />
      <section
        aria-label="Audit entries"
        // Focusable so that keyboard users can scroll the columns a phone cannot show at once.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        tabIndex={0}
        className="overflow-x-auto px-4 py-2"
      >
        {/* Below this width the columns squeeze to a few letters each and the rows grow very tall. */}
        <table className="w-full min-w-[40rem] text-left text-sm" data-testid="audit-table">
          <thead className="text-xs text-fg-muted">
            <tr>
              <th className="py-2 pr-3 font-medium">When</th>
              <th className="py-2 pr-3 font-medium">Who</th>
              <th className="py-2 pr-3 font-medium">What</th>
              <th className="py-2 font-medium">Of</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {(entries.data ?? []).map((entry) => (
              <tr key={entry.id} data-testid="audit-entry">
                <td className="py-2 pr-3 whitespace-nowrap">{entry.at.toLocaleString()}</td>
                <td className="py-2 pr-3 [overflow-wrap:anywhere]">{entry.actor ?? "the studio"}</td>
                <td className="py-2 pr-3">
                  <AuditWhat entry={entry} />
                </td>
                <td className="py-2">
                  <AuditTarget entry={entry} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Card>
  );
}

/** What the entry was about, opening its page where it has one. */
function AuditTarget({ entry }: { entry: AuditRow }) {
  const href = auditTargetHref(entry.targetType, entry.targetId);
  const label = auditTargetLabel(entry.targetType);
  return (
    <>
      {href ? (
        <Link href={href} className={textActionClass("text-sm")}>
          {label}
        </Link>
      ) : (
        label
      )}
      <code className="block text-xs text-fg-muted [overflow-wrap:anywhere]">{entry.targetId}</code>
    </>
  );
}

/** The action in words, its details as "field: value" lines, and the stored record for researchers. */
function AuditWhat({ entry }: { entry: AuditRow }) {
  const lines = auditDetailLines(entry.action, entry.detail);
  return (
    <>
      <span className="font-medium" title={entry.action}>
        {auditActionLabel(entry.action)}
      </span>
      {lines.length ? (
        <dl className="mt-0.5 text-xs text-fg-muted" data-testid="audit-detail">
          {lines.map((line) => (
            <div key={line.field} className="[overflow-wrap:anywhere]">
              <dt className="inline">{line.field}: </dt>
              <dd className="inline text-fg">{line.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {lines.length ? (
        <details className="mt-0.5 text-xs text-fg-muted">
          <summary className="cursor-pointer hover:text-fg">Stored record</summary>
          <pre className="mt-1 whitespace-pre-wrap font-mono [overflow-wrap:anywhere]">
            {JSON.stringify({ action: entry.action, detail: entry.detail }, null, 2)}
          </pre>
        </details>
      ) : null}
    </>
  );
}
