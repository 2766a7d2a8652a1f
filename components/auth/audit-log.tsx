"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, CardHeader } from "@/components/ui/card";
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
              <tr key={entry.id}>
                <td className="py-2 pr-3 whitespace-nowrap">{entry.at.toLocaleString()}</td>
                <td className="py-2 pr-3 [overflow-wrap:anywhere]">{entry.actor ?? "the studio"}</td>
                <td className="py-2 pr-3">
                  {entry.action}
                  {entry.detail ? (
                    <span className="block text-xs text-fg-muted [overflow-wrap:anywhere]">
                      {JSON.stringify(entry.detail)}
                    </span>
                  ) : null}
                </td>
                <td className="py-2 [overflow-wrap:anywhere]">
                  {entry.targetType} {entry.targetId}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Card>
  );
}
