import { SessionStatusBadge } from "@/components/sessions/session-status-badge";
import { Badge } from "@/components/ui/badge";
import type { Column } from "@/components/ui/data-table";
import { ATTITUDE_TONE, formatDate, VARIANT_LABELS } from "@/components/ui/labels";
import type { SessionListItem } from "@/lib/sessions/schema";

export const SESSION_COLUMNS: Column<SessionListItem>[] = [
  { key: "profile", header: "Client", cell: (s) => s.profile.name },
  {
    key: "attitude",
    header: "Attitude",
    cell: (s) => <Badge tone={ATTITUDE_TONE[s.profile.attitude]}>{s.profile.attitude}</Badge>,
  },
  {
    key: "status",
    header: "Status",
    sortKey: "status",
    cell: (s) => <StatusCell session={s} />,
  },
  { key: "variant", header: "Variant", sortKey: "variant", cell: (s) => VARIANT_LABELS[s.variant] },
  { key: "technique", header: "CBT technique", cell: (s) => s.technique ?? "—" },
  {
    key: "rounds",
    header: "Rounds",
    sortKey: "roundCount",
    className: "text-right tabular-nums",
    cell: (s) => `${s.roundCount} / ${s.maxRounds}`,
  },
  {
    key: "models",
    header: "Model",
    cell: (s) =>
      s.models.includes("offline-simulator") ? (
        <Badge tone="warning" title={s.models}>
          Offline simulator
        </Badge>
      ) : (
        <span className="text-fg-muted">{s.models}</span>
      ),
  },
  {
    key: "created",
    header: "Created",
    sortKey: "createdAt",
    className: "whitespace-nowrap tabular-nums",
    cell: (s) => formatDate(s.createdAt),
  },
];

function StatusCell({ session }: { session: SessionListItem }) {
  return <SessionStatusBadge status={session.status} awaiting={session.awaiting} />;
}
