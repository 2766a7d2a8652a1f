import { SessionStatusBadge } from "@/components/sessions/session-status-badge";
import { Badge } from "@/components/ui/badge";
import type { Column } from "@/components/ui/data-table";
import { ATTITUDE_TONE, formatDate, VARIANT_LABELS } from "@/components/ui/labels";
import { DEFAULT_ARM } from "@/lib/experiments/design";
import type { ExperimentProgress, ExperimentSessionItem, ExperimentStatus } from "@/lib/experiments/schema";
import { ProgressBar } from "./progress-bar";

export const EXPERIMENT_STATUS_LABELS: Record<
  ExperimentStatus,
  { label: string; tone: "accent" | "warning" | "danger" }
> = {
  running: { label: "Running", tone: "accent" },
  paused: { label: "Paused", tone: "warning" },
  cancelled: { label: "Cancelled", tone: "danger" },
};

export function ExperimentStatusBadge({ experiment }: { experiment: ExperimentProgress }) {
  if (experiment.finished) return <Badge tone="success">Done</Badge>;
  const { label, tone } = EXPERIMENT_STATUS_LABELS[experiment.status];
  return <Badge tone={tone}>{label}</Badge>;
}

/** An arm's models; the arm with no model axis says what it runs in a newcomer's words. */
function ArmName({ arm }: { arm: string }) {
  if (arm !== DEFAULT_ARM) return <span className="text-fg-muted">{arm}</span>;
  return (
    <span className="text-fg-muted" title="Each agent runs the model chosen on the Settings page">
      Studio defaults
    </span>
  );
}

export const EXPERIMENT_COLUMNS: Column<ExperimentProgress>[] = [
  { key: "name", header: "Experiment", cell: (e) => e.name },
  { key: "status", header: "Status", cell: (e) => <ExperimentStatusBadge experiment={e} /> },
  {
    key: "progress",
    header: "Progress",
    className: "min-w-40",
    cell: (e) => <ProgressBar experiment={e} compact />,
  },
  {
    key: "variants",
    header: "Variants",
    cell: (e) => e.design.variants.map((v) => VARIANT_LABELS[v]).join(", "),
  },
  { key: "created", header: "Created", cell: (e) => formatDate(e.createdAt) },
];

export const EXPERIMENT_SESSION_COLUMNS: Column<ExperimentSessionItem>[] = [
  { key: "profile", header: "Client", cell: (s) => s.profile.name },
  {
    key: "attitude",
    header: "Attitude",
    cell: (s) => <Badge tone={ATTITUDE_TONE[s.profile.attitude]}>{s.profile.attitude}</Badge>,
  },
  { key: "variant", header: "Variant", cell: (s) => VARIANT_LABELS[s.variant] },
  { key: "arm", header: "Models", cell: (s) => <ArmName arm={s.arm} /> },
  { key: "repeat", header: "Repeat", className: "text-right tabular-nums", cell: (s) => s.repeat },
  {
    key: "status",
    header: "Status",
    cell: (s) => <SessionStatusBadge status={s.status} awaiting={s.awaiting} />,
  },
  {
    key: "rounds",
    header: "Rounds",
    className: "text-right tabular-nums",
    cell: (s) => `${s.roundCount} / ${s.maxRounds}`,
  },
];
