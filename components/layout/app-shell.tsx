import Link from "next/link";
import type { ReactNode } from "react";
import { AppNav } from "./app-nav";
import { ThemeToggle } from "./theme-toggle";

/** The layout: navigation, then `status` (e.g. the model badge) above the theme toggle, then the page. */
export function AppShell({ children, status }: { children: ReactNode; status?: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-border bg-surface-raised px-3 py-4">
        <Link href="/sessions" className="mb-6 px-3">
          <span className="block text-base font-semibold tracking-tight">MAGneT Studio</span>
          <span className="block text-xs text-fg-muted">Synthetic CBT sessions</span>
        </Link>
        <AppNav />
        <div className="mt-auto flex flex-col gap-2">
          {status}
          <ThemeToggle />
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}
