"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef } from "react";
import { roleLabel } from "@/components/ui/agent-labels";
import { Button, buttonClass } from "@/components/ui/button";
import type { AgentCallDetail } from "@/lib/sessions/agent-calls";
import { CallDetails } from "./call-details";

/** A right-side drawer with everything one agent call was given and gave back. */
export function CallInspector({
  callId,
  onClose,
  canOpenPlayground = false,
}: {
  callId: string | null;
  onClose: () => void;
  /** The playground runs prompts: offered to researchers. */
  canOpenPlayground?: boolean;
}) {
  return callId === null ? null : (
    <Drawer callId={callId} onClose={onClose} canOpenPlayground={canOpenPlayground} />
  );
}

function Drawer({
  callId,
  onClose,
  canOpenPlayground,
}: {
  callId: string;
  onClose: () => void;
  canOpenPlayground: boolean;
}) {
  const titleId = useId();
  const panel = useModalFocus(onClose);
  const query = useQuery({
    queryKey: ["agent-call", callId],
    queryFn: () => fetchCall(callId),
    retry: false,
    // A call is stored when it finishes: poll while it runs or is not stored yet (for about a minute).
    refetchInterval: ({ state }) =>
      state.data?.status === "running" || (isNotStored(state.error) && state.errorUpdateCount < 60)
        ? 1000
        : false,
  });
  const call = query.data;

  return (
    <>
      <div aria-hidden className="fixed inset-0 z-40 bg-black/30" onMouseDown={onClose} />
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid="call-inspector"
        className="fixed inset-y-0 right-0 z-50 flex w-full max-w-2xl flex-col border-l border-border bg-surface-raised shadow-xl outline-none"
      >
        <header className="flex items-start justify-between gap-4 border-b border-border px-5 py-3">
          <div className="min-w-0">
            <h2 id={titleId} className="text-sm font-semibold">
              Agent call{call ? `: ${roleLabel(call.role)}` : ""}
            </h2>
            <p className="truncate font-mono text-[11px] text-fg-muted">{callId}</p>
          </div>
          <div className="flex shrink-0 flex-wrap justify-end gap-2">
            {canOpenPlayground && call && call.status !== "running" && !call.role.startsWith("judge:") ? (
              <Link
                href={`/playground/${encodeURIComponent(call.id)}`}
                className={buttonClass("secondary")}
                data-testid="inspector-playground"
              >
                Open in playground
              </Link>
            ) : null}
            <Button onClick={onClose} aria-label="Close the call inspector" data-testid="inspector-close">
              Close
            </Button>
          </div>
        </header>
        <div className="flex-1 overflow-y-auto px-5 py-4">
          {call ? (
            <CallDetails call={call} />
          ) : query.isError ? (
            <LoadError error={query.error} onRetry={() => query.refetch()} />
          ) : (
            <p role="status" className="animate-pulse text-sm text-fg-muted" data-testid="inspector-loading">
              Loading the call…
            </p>
          )}
        </div>
      </div>
    </>
  );
}

function LoadError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <div
      role="alert"
      className="rounded-md border border-danger/40 bg-danger/10 p-3 text-sm"
      data-testid="inspector-error"
    >
      <p className="font-medium text-danger">Could not load this call.</p>
      <p className="mt-1 text-fg-muted">{error.message}</p>
      {isNotStored(error) ? (
        <p className="mt-1 text-fg-muted">A call is stored when it finishes; trying again every second.</p>
      ) : null}
      <Button className="mt-2" onClick={onRetry}>
        Retry
      </Button>
    </div>
  );
}

function isNotStored(error: unknown): boolean {
  return error instanceof CallLoadError && error.status === 404;
}

async function fetchCall(id: string): Promise<AgentCallDetail> {
  const response = await fetch(`/api/agent-calls/${encodeURIComponent(id)}`);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new CallLoadError(body?.error?.message ?? `Request failed (${response.status})`, response.status);
  }
  return body as AgentCallDetail;
}

/**
 * Modal focus: moves focus into the dialog on open and back to where it was on close, keeps Tab
 * inside it, and closes it on Escape.
 */
function useModalFocus(onClose: () => void) {
  const panel = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        close.current();
      } else if (event.key === "Tab" && panel.current) {
        trapTab(event, panel.current);
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  return panel;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])';

function trapTab(event: KeyboardEvent, panel: HTMLElement) {
  const focusable = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0] ?? panel;
  const last = focusable.at(-1) ?? panel;
  const active = document.activeElement;
  if (!panel.contains(active)) {
    event.preventDefault();
    first.focus();
  } else if (event.shiftKey && (active === first || active === panel)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

class CallLoadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}
