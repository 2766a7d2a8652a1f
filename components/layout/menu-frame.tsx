"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";

/**
 * The sidebar on wide screens; on narrow ones a top bar whose menu button opens the same contents
 * as a panel. The panel closes on navigation, on Escape (focus goes back to the button) and on a
 * click outside it.
 */
export function MenuFrame({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const frame = useRef<HTMLElement>(null);
  const pathname = usePathname();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the point of a new pathname
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !frame.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open]);

  // A replay link's viewer is not a studio user, and a visitor on the sign-in page is not one yet:
  // every link of the studio's navigation would lead them nowhere or back to the sign-in page.
  if (pathname.startsWith("/replay/") || pathname === "/sign-in") {
    return (
      <header
        className="border-b border-border bg-surface-raised px-4 py-2 sm:px-6 lg:px-8"
        data-testid="public-header"
        data-public-header
      >
        <span className="block text-base font-semibold tracking-tight">MAGneT Studio</span>
        <span className="block text-xs text-fg-muted">Synthetic CBT sessions</span>
      </header>
    );
  }

  return (
    <header
      ref={frame}
      className="sticky top-0 z-30 border-b border-border bg-surface-raised lg:h-screen lg:w-56 lg:shrink-0 lg:border-r lg:border-b-0"
    >
      <div className="flex items-center justify-between gap-3 px-4 py-2 lg:px-6 lg:pt-4 lg:pb-6">
        <Link href="/sessions" className="rounded-md">
          <span className="block text-base font-semibold tracking-tight">MAGneT Studio</span>
          <span className="block text-xs text-fg-muted">Synthetic CBT sessions</span>
        </Link>
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((value) => !value)}
          data-testid="menu-button"
          className="inline-flex items-center gap-2 rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-surface-muted lg:hidden"
        >
          <MenuIcon open={open} />
          Menu
        </button>
      </div>
      <div
        id={panelId}
        data-testid="menu-panel"
        className={cn(
          "flex-col px-3 pb-4 lg:flex lg:h-[calc(100vh-5.5rem)] lg:overflow-y-auto",
          open
            ? "absolute inset-x-0 top-full flex max-h-[calc(100dvh-4rem)] overflow-y-auto border-b border-border bg-surface-raised pt-2 shadow-lg lg:static lg:max-h-none lg:border-0 lg:pt-0 lg:shadow-none"
            : "hidden",
        )}
      >
        {children}
      </div>
    </header>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className="size-4"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      {open ? <path d="M3 3l10 10M13 3L3 13" /> : <path d="M2 4h12M2 8h12M2 12h12" />}
    </svg>
  );
}
