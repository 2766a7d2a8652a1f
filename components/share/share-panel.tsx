"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchJson, fetchParsed } from "@/components/ui/fetch-json";
import { formatDate } from "@/components/ui/labels";
import {
  type CreateShareResponse,
  createShareResponseSchema,
  type ShareLinkItem,
  shareListResponseSchema,
} from "@/lib/share/schema";

const EXPIRY_CHOICES = [
  { label: "never", hours: undefined },
  { label: "1 hour", hours: 1 },
  { label: "1 day", hours: 24 },
  { label: "7 days", hours: 24 * 7 },
  { label: "30 days", hours: 24 * 30 },
] as const;

/**
 * "Share": a read-only replay link (its URL is shown once, to copy), the links that still open, and
 * their revocation.
 */
export function SharePanel({ sessionId }: { sessionId: string }) {
  const base = `/api/sessions/${sessionId}/share`;
  const client = useQueryClient();
  const expiryId = useId();
  const [expiry, setExpiry] = useState(0);
  const [created, setCreated] = useState<CreateShareResponse | null>(null);
  const [copied, setCopied] = useState(false);
  const links = useQuery({
    queryKey: ["share-links", sessionId],
    queryFn: async () => (await fetchParsed(shareListResponseSchema, base)).items,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ["share-links", sessionId] });
  const create = useMutation({
    mutationFn: async () => {
      const hours = EXPIRY_CHOICES[expiry].hours;
      return fetchParsed(createShareResponseSchema, base, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(hours === undefined ? {} : { expiresInHours: hours }),
      });
    },
    onSuccess: (link) => {
      setCreated(link);
      setCopied(false);
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) =>
      fetchJson(base, {
        method: "DELETE",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id }),
      }),
    onSuccess: (_, id) => {
      if (created?.id === id) setCreated(null);
      void refresh();
    },
  });
  const active = links.data ?? [];

  return (
    <details className="mb-6 rounded-lg border border-border bg-surface-raised" data-testid="share-panel">
      <summary className="cursor-pointer px-4 py-3 text-sm font-medium">
        Share a replay{" "}
        <span className="font-normal text-fg-muted">
          · read-only link, no sign-in{active.length ? ` · ${active.length} active` : ""}
        </span>
      </summary>
      <div className="border-t border-border px-4 py-3 text-sm">
        <p className="mb-3 max-w-2xl text-fg-muted">
          Anyone with the link can watch this session play back: the plan, the candidates, the selection, the
          fused reply and the client. Prompts, annotations and the inspector are not part of it.
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={expiryId} className="text-xs text-fg-muted">
            Expires
          </label>
          <select
            id={expiryId}
            value={expiry}
            onChange={(e) => setExpiry(Number(e.target.value))}
            className="rounded-md border border-border bg-surface-raised px-2 py-1 text-sm"
          >
            {EXPIRY_CHOICES.map((choice, at) => (
              <option key={choice.label} value={at}>
                {choice.label}
              </option>
            ))}
          </select>
          <Button
            variant="primary"
            onClick={() => create.mutate()}
            disabled={create.isPending}
            data-testid="share-create"
          >
            Create link
          </Button>
        </div>
        {create.isError ? (
          <p role="alert" className="mt-2 text-danger">
            {create.error.message}
          </p>
        ) : null}
        {created ? (
          <div
            className="mt-3 rounded-md border border-accent bg-accent-soft/40 p-3"
            data-testid="share-created"
          >
            <p className="mb-1 text-xs text-fg-muted">
              Copy it now: the studio keeps only a fingerprint of it.
            </p>
            <div className="flex flex-wrap items-center gap-2">
              <input
                readOnly
                value={created.url}
                aria-label="Replay link"
                data-testid="share-url"
                onFocus={(e) => e.currentTarget.select()}
                className="min-w-0 flex-1 rounded-md border border-border bg-surface-raised px-2 py-1 font-mono text-xs"
              />
              <Button
                onClick={() =>
                  navigator.clipboard?.writeText(created.url).then(
                    () => setCopied(true),
                    () => setCopied(false),
                  )
                }
              >
                {copied ? "Copied" : "Copy"}
              </Button>
              <a
                href={created.url}
                target="_blank"
                rel="noreferrer"
                className="text-xs text-accent underline"
              >
                Open
              </a>
            </div>
          </div>
        ) : null}
        <h2 className="mt-4 mb-1 text-xs font-semibold uppercase tracking-wide text-fg-muted">
          Active links
        </h2>
        {links.isError ? (
          <p role="alert" className="text-danger">
            {links.error.message}
          </p>
        ) : active.length === 0 ? (
          <p className="text-fg-muted" data-testid="share-none">
            {links.isPending ? "Loading links…" : "None."}
          </p>
        ) : (
          <ul className="flex flex-col gap-1" data-testid="share-links">
            {active.map((link) => (
              <ShareRow
                key={link.id}
                link={link}
                busy={revoke.isPending}
                onRevoke={() => revoke.mutate(link.id)}
              />
            ))}
          </ul>
        )}
        {revoke.isError ? (
          <p role="alert" className="mt-2 text-danger">
            {revoke.error.message}
          </p>
        ) : null}
      </div>
    </details>
  );
}

function ShareRow({ link, busy, onRevoke }: { link: ShareLinkItem; busy: boolean; onRevoke: () => void }) {
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="share-link">
      <code className="text-xs">/replay/{link.hint}…</code>
      <span className="text-xs text-fg-muted">
        made {formatDate(link.createdAt)} ·{" "}
        {link.expiresAt ? `expires ${formatDate(link.expiresAt)}` : "no expiry"}
      </span>
      <Button
        variant="ghost"
        className="px-2 py-0.5 text-xs"
        onClick={onRevoke}
        disabled={busy}
        aria-label={`Revoke the link /replay/${link.hint}…`}
      >
        Revoke
      </Button>
    </li>
  );
}
