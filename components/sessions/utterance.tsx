import { cn } from "@/components/ui/cn";

export function Utterance({
  speaker,
  text,
  label,
}: {
  speaker: "counselor" | "client";
  text: string;
  label?: string;
}) {
  return (
    <div
      className={cn(
        "mb-3 flex flex-col gap-0.5 last:mb-0 sm:mb-2 sm:flex-row sm:gap-3",
        speaker === "client" && "sm:pl-6",
      )}
    >
      <span
        className={cn(
          "mt-0.5 shrink-0 text-xs sm:w-20 font-semibold uppercase tracking-wide",
          speaker === "counselor" ? "text-accent" : "text-fg-muted",
        )}
      >
        {label ?? (speaker === "counselor" ? "Counselor" : "Client")}
      </span>
      <p className="prose-clinical font-serif" data-speaker={speaker}>
        {text}
      </p>
    </div>
  );
}
