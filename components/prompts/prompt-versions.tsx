"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { fetchJson } from "@/components/ui/fetch-json";
import { formatDate } from "@/components/ui/labels";
import type { PromptVersionItem } from "@/lib/prompts/schema";
import { NewPromptVersion } from "./new-prompt-version";
import { PromptDiff } from "./prompt-diff";

/** One role's versions: the list (mark one active), a diff between any two, and a new version. */
export function PromptVersions({
  role,
  versions,
  highlighted,
  canEdit,
}: {
  role: string;
  versions: PromptVersionItem[];
  highlighted?: number;
  /** Researchers write versions and choose the active one; others read. */
  canEdit: boolean;
}) {
  const router = useRouter();
  const activate = useMutation({
    mutationFn: (version: number) =>
      fetchJson("/api/prompts/versions/activate", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ role, version }),
      }),
    onSuccess: () => router.refresh(),
  });
  const active = versions.find((v) => v.isActive) ?? versions[0];
  return (
    <div className="grid gap-4">
      <Card>
        <CardHeader
          title="Versions"
          subtitle="New sessions freeze the active version; running sessions keep theirs."
        />
        <ul className="divide-y divide-border" data-testid="prompt-versions">
          {versions.map((v) => (
            <li
              key={v.version}
              className={v.version === highlighted ? "bg-accent-soft/40 px-4 py-3" : "px-4 py-3"}
              data-testid="prompt-version"
            >
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-semibold">v{v.version}</span>
                {v.isActive ? <Badge tone="success">Active</Badge> : null}
                {v.builtIn ? <Badge>Built-in</Badge> : null}
                <span className="text-xs text-fg-muted">
                  {/* The badge already says who wrote a built-in version. */}
                  {v.builtIn ? "" : `${v.author ?? "unknown"} · `}
                  {formatDate(v.createdAt)}
                </span>
                {v.isActive || !canEdit ? null : (
                  <Button
                    className="ml-auto px-2 py-0.5 text-xs"
                    onClick={() => activate.mutate(v.version)}
                    disabled={activate.isPending}
                  >
                    Make v{v.version} active
                  </Button>
                )}
              </div>
              {v.note ? <p className="mt-1 text-sm text-fg-muted">{v.note}</p> : null}
              <details open={v.version === highlighted} className="mt-1">
                <summary className="cursor-pointer text-xs font-medium text-fg-muted hover:text-fg">
                  Template
                </summary>
                <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-surface-muted p-3 font-mono text-xs whitespace-pre-wrap">
                  {v.template}
                </pre>
              </details>
            </li>
          ))}
        </ul>
        {activate.error ? (
          <p role="alert" className="px-4 pb-3 text-xs text-danger">
            {activate.error.message}
          </p>
        ) : null}
      </Card>
      <Card>
        <CardHeader title="Compare two versions" />
        <div className="px-4 py-3">
          <PromptDiff key={versions.length} versions={versions} />
        </div>
      </Card>
      {canEdit ? (
        <NewPromptVersion key={active?.version} role={role} startFrom={active?.template ?? ""} />
      ) : null}
    </div>
  );
}
