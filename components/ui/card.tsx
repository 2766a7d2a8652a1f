import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";

export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div className={cn("min-w-0 rounded-lg border border-border bg-surface-raised", className)} {...props} />
  );
}

export function CardHeader({
  title,
  actions,
  subtitle,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    // The actions go under the title when both do not fit, rather than squeezing it letter by letter.
    <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 border-b border-border px-4 py-3">
      <div className="min-w-0">
        <h2 className="text-sm font-semibold [overflow-wrap:anywhere]">{title}</h2>
        {subtitle ? <p className="text-xs text-fg-muted">{subtitle}</p> : null}
      </div>
      {actions}
    </div>
  );
}
