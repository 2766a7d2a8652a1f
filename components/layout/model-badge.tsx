import Link from "next/link";
import type { ModelRef } from "@/lib/providers";

/** Which model new sessions use by default; the offline simulator is always labelled as such. */
export function ModelBadge({ model: { provider, modelId } }: { model: ModelRef }) {
  const offline = provider === "offline";
  return (
    <Link
      href="/settings"
      data-testid="model-badge"
      className="block rounded-md border border-border px-3 py-2 text-xs hover:bg-surface-muted"
      title="Default model for new sessions"
    >
      <span className="block text-fg-muted">Model</span>
      <span className={offline ? "font-medium text-warning" : "font-medium"}>
        {offline ? "Offline simulator" : modelId}
      </span>
      {offline ? <span className="block text-fg-muted">no LLM configured</span> : null}
    </Link>
  );
}
