import type { ReactNode } from "react";
import { AppNav } from "./app-nav";
import { MenuFrame } from "./menu-frame";
import { ThemeSync } from "./theme-sync";
import { ThemeToggle } from "./theme-toggle";

/**
 * The layout: navigation, then `status` (e.g. the model badge) above the theme toggle, then the page.
 * Below the `lg` breakpoint all of it folds behind a menu button in a top bar.
 */
export function AppShell({ children, status }: { children: ReactNode; status?: ReactNode }) {
  return (
    // A page without the studio's navigation (a replay, the sign-in page) has a top bar, not a sidebar.
    <div className="min-h-screen lg:flex lg:has-[>[data-public-header]]:block">
      <ThemeSync />
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-accent px-3 py-2 text-sm text-accent-fg focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <MenuFrame>
        <AppNav />
        <div className="mt-4 flex flex-col gap-2 lg:mt-auto">
          {status}
          <ThemeToggle />
        </div>
      </MenuFrame>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-5 outline-none sm:px-6 lg:px-8 lg:py-6">
        {children}
      </main>
    </div>
  );
}
