import { Badge } from "@/components/ui/badge";
import { sessionStatusChip } from "@/components/ui/labels";
import type { SessionAwaiting } from "@/lib/pipeline/steering";

/** A session's status chip; a running session that waits for a person says what it waits for. */
export function SessionStatusBadge({
  status,
  awaiting,
}: {
  status: string;
  awaiting: SessionAwaiting | null;
}) {
  const chip = sessionStatusChip(status, awaiting);
  return chip ? <Badge tone={chip.tone}>{chip.label}</Badge> : null;
}
