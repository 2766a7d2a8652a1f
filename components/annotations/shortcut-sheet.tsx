"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

const SHORTCUTS: [string, string][] = [
  ["1 – 5", "Rate the highlighted item (then moves to the next item)"],
  ["↑ ↓ or j k", "Highlight the previous or next rating item"],
  ["t", "Switch the number keys to the five techniques, and back"],
  ["n", "Next round (the next session after the last round)"],
  ["p", "Previous round"],
  ["s", "Save now (changes also save by themselves)"],
  ["Esc", "Leave a text field, so the keys work again"],
  ["?", "Show or hide this sheet"],
];

/** The keyboard shortcuts of the Annotate page, in a modal dialog. */
export function ShortcutSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcut-title"
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-border bg-surface-raised p-4 text-fg backdrop:bg-black/40"
    >
      <h2 id="shortcut-title" className="mb-3 text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-border px-1.5 font-mono text-xs">{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 text-right">
        <Button onClick={onClose}>Close</Button>
      </div>
    </dialog>
  );
}
