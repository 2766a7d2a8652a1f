import { cn } from "@/components/ui/cn";
import type { SaveStatus } from "./autosaver";

const TEXT = {
  saved: "Saved",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  conflict: "Not saved: changed in another tab",
  error: "Not saved yet",
} as const;

/** Where the person's last change is: saved, on its way, or held back (and why). */
export function SaveIndicator({ status }: { status: SaveStatus | null }) {
  if (!status) return null;
  const bad = status.state === "conflict" || status.state === "error";
  return (
    <p
      role="status"
      data-testid="save-status"
      data-state={status.state}
      title={status.message ?? undefined}
      className={cn("text-xs", bad ? "font-semibold text-danger" : "text-fg-muted")}
    >
      {TEXT[status.state]}
      {status.state === "error" && status.message ? `: ${status.message}` : null}
    </p>
  );
}
