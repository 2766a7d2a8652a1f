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
    <div className={cn("mb-2 flex gap-3 last:mb-0", speaker === "client" && "pl-6")}>
      <span
        className={cn(
          "mt-0.5 w-20 shrink-0 text-xs font-semibold uppercase tracking-wide",
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
