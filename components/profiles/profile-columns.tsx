import { Badge } from "@/components/ui/badge";
import type { Column } from "@/components/ui/data-table";
import { ATTITUDE_TONE } from "@/components/ui/labels";
import type { ProfileSummary } from "@/lib/profiles/schema";

export const PROFILE_COLUMNS: Column<ProfileSummary>[] = [
  { key: "name", header: "Name", cell: (p) => p.name },
  {
    key: "attitude",
    header: "Attitude",
    cell: (p) => <Badge tone={ATTITUDE_TONE[p.attitude]}>{p.attitude}</Badge>,
  },
  {
    key: "who",
    header: "Age · occupation",
    className: "whitespace-nowrap",
    cell: (p) => [p.age, p.occupation].filter((v) => v !== null && v !== "").join(" · ") || "—",
  },
  {
    key: "problem",
    header: "Presenting problem",
    className: "max-w-md",
    cell: (p) => <span className="line-clamp-2 text-fg-muted">{p.presentingProblem}</span>,
  },
  {
    key: "techniques",
    header: "Reference technique",
    cell: (p) =>
      p.referenceTechniques.length ? (
        <span className="text-xs">{p.referenceTechniques.join(", ")}</span>
      ) : (
        <span className="text-fg-muted">—</span>
      ),
  },
  { key: "source", header: "Source", cell: (p) => <Badge>{p.source}</Badge> },
  { key: "sessions", header: "Sessions", className: "text-right tabular-nums", cell: (p) => p.sessionCount },
];
