import { SPEAKER_COLUMN } from "@/components/sessions/speaker-column";
import { cn } from "@/components/ui/cn";

export function Utterance({
  speaker,
  text,
  label,
  mark,
}: {
  speaker: "counselor" | "client";
  text: string;
  label?: string;
  /** A person wrote or edited this turn ("written by a person"). */
  mark?: string | null;
}) {
  return (
    // Both speakers start at the same edge; the label's colour and word tell them apart.
    <div className="mb-3 flex flex-col gap-0.5 last:mb-0 sm:mb-2 sm:flex-row sm:gap-3">
      <span
        className={cn(
          "mt-0.5 shrink-0 text-xs font-semibold uppercase tracking-wide",
          SPEAKER_COLUMN,
          speaker === "counselor" ? "text-accent" : "text-fg-muted",
        )}
        data-testid="speaker-label"
      >
        {label ?? (speaker === "counselor" ? "Counselor" : "Client")}
      </span>
      <p className="prose-clinical font-serif" data-speaker={speaker}>
        {text}
        {mark ? (
          <span
            className="ml-2 rounded bg-warning/20 px-1.5 py-0.5 font-sans text-xs text-fg"
            data-testid="turn-mark"
          >
            {mark}
          </span>
        ) : null}
      </p>
    </div>
  );
}
