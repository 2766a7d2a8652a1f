import Link from "next/link";
import type { ReactNode } from "react";

/** An honest placeholder for a page whose capability has not landed yet: what it will do, and what to use now. */
export function PlannedFeature({ items, meanwhile }: { items: string[]; meanwhile: ReactNode }) {
  return (
    <div
      className="max-w-3xl rounded-lg border border-dashed border-border p-6"
      data-testid="planned-feature"
    >
      <p className="text-sm font-medium">Not built yet. This page will let you:</p>
      <ul className="mt-2 list-disc pl-5 text-sm text-fg-muted">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p className="mt-4 text-sm">{meanwhile}</p>
    </div>
  );
}

export function InlineLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="text-accent underline underline-offset-2">
      {children}
    </Link>
  );
}
