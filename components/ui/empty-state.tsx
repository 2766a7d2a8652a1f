import type { ReactNode } from "react";

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div
      className="rounded-lg border border-dashed border-border px-6 py-12 text-center"
      data-testid="empty-state"
    >
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-2 text-sm text-fg-muted">{children}</div> : null}
    </div>
  );
}
