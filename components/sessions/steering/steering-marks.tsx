import { Badge } from "@/components/ui/badge";
import { SPECIALIST_LABELS, type SpecialistTechnique } from "@/lib/cbt/techniques";
import type { RoundSteering } from "@/lib/pipeline/steering";

const label = (t: string) => SPECIALIST_LABELS[t as SpecialistTechnique] ?? t;

/** The round header's marks: which seat a person held and what people changed. */
export function SteeringBadges({ steering }: { steering: RoundSteering | null }) {
  if (!steering) return null;
  const counselorWritten = steering.counselorEdited && steering.originalCounselorReply === null;
  return (
    <span className="flex flex-wrap gap-1" data-testid="steering-marks">
      {steering.seat !== "agents" ? (
        <Badge tone="warning" title="Who played this turn">
          {steering.seat === "counselor"
            ? "A person held the counselor's seat"
            : "A person held the client's seat"}
        </Badge>
      ) : null}
      {steering.selectionOverridden ? (
        <Badge
          tone="warning"
          title={`The selector chose: ${steering.originalSelectedTechniques.map(label).join(", ") || "none"}`}
        >
          Selection overridden
        </Badge>
      ) : null}
      {counselorWritten ? <Badge tone="warning">Counselor reply human-written</Badge> : null}
      {steering.counselorEdited && !counselorWritten ? (
        <Badge tone="warning">Counselor reply edited</Badge>
      ) : null}
      {steering.clientEdited ? <Badge tone="warning">Client reply human-written</Badge> : null}
    </span>
  );
}

/** What the agents wrote before a person changed it, kept and shown on request. */
export function OriginalText({ label: what, text }: { label: string; text: string | null }) {
  if (text === null) return null;
  return (
    <details className="mt-1 text-xs text-fg-muted" data-testid="original-text">
      <summary className="cursor-pointer">{what}</summary>
      <p className="mt-1 whitespace-pre-wrap font-serif">{text}</p>
    </details>
  );
}

/** The short mark a transcript line carries when a person wrote or edited it. */
export function turnMark(steering: RoundSteering | null, speaker: "counselor" | "client"): string | null {
  if (!steering) return null;
  if (speaker === "client") return steering.clientEdited ? "written by a person" : null;
  if (!steering.counselorEdited) return null;
  return steering.originalCounselorReply === null ? "written by a person" : "edited by a person";
}
