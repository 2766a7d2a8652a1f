import Link from "next/link";
import { Card } from "@/components/ui/card";
import { VARIANT_LABELS } from "@/components/ui/labels";
import type { QueueDetail } from "@/lib/annotations/queue-schema";

/** One row per session of the queue: each assigned annotator and the rounds they have annotated. */
export function QueueAssignments({ queue }: { queue: QueueDetail }) {
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Who annotated what in {queue.name}</caption>
        <thead className="text-left text-xs text-fg-muted">
          <tr className="border-b border-border">
            <th scope="col" className="px-3 py-2">
              #
            </th>
            <th scope="col" className="px-3 py-2">
              Session
            </th>
            <th scope="col" className="px-3 py-2">
              Annotators (rounds done · forms)
            </th>
          </tr>
        </thead>
        <tbody>
          {queue.items.map((item) => (
            <tr key={item.sessionId} className="border-b border-border last:border-0 align-top">
              <td className="px-3 py-2 text-fg-muted">{item.position + 1}</td>
              <td className="px-3 py-2">
                <Link href={`/sessions/${item.sessionId}`} className="text-accent underline">
                  {item.client}
                </Link>
                <div className="text-xs text-fg-muted">
                  {VARIANT_LABELS[item.variant] ?? item.variant} · {item.rounds} rounds
                </div>
              </td>
              <td className="px-3 py-2">
                <ul className="flex flex-col gap-0.5">
                  {item.annotators.map((a) => (
                    <li key={a.id} data-testid="assignment">
                      {a.name}: {a.roundsDone}/{item.rounds} rounds
                      {a.formsDone ? " · forms" : ""}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
