"use client";

import { diffLines } from "diff";
import { useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import { Label, Select } from "@/components/ui/field";
import type { PromptVersionItem } from "@/lib/prompts/schema";

/** A line diff between any two versions of one role (the `diff` library's Myers diff). */
export function PromptDiff({ versions }: { versions: PromptVersionItem[] }) {
  const [from, setFrom] = useState(versions[1]?.version ?? versions[0]?.version);
  const [to, setTo] = useState(versions[0]?.version);
  const parts = useMemo(() => {
    const a = versions.find((v) => v.version === from)?.template ?? "";
    const b = versions.find((v) => v.version === to)?.template ?? "";
    return diffLines(a, b);
  }, [versions, from, to]);
  if (versions.length < 2)
    return <p className="text-sm text-fg-muted">One version so far: nothing to compare.</p>;
  const picker = (id: string, label: string, value: number, set: (v: number) => void) => (
    <span className="flex items-center gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(e) => set(Number(e.target.value))}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            v{v.version}
          </option>
        ))}
      </Select>
    </span>
  );
  const changed = parts.some((part) => part.added || part.removed);
  return (
    <div data-testid="prompt-diff">
      <div className="mb-2 flex flex-wrap items-center gap-4">
        {picker("diff-from", "From", from, setFrom)}
        {picker("diff-to", "To", to, setTo)}
      </div>
      {changed ? null : <p className="mb-2 text-xs text-fg-muted">The two versions are the same.</p>}
      <pre className="max-h-[32rem] overflow-auto rounded-md bg-surface-muted p-3 font-mono text-xs whitespace-pre-wrap">
        {parts.map((part, i) => (
          <span
            // Parts have no identity beyond their position in this diff.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={i}
            className={cn(
              part.added && "bg-success/15 text-fg",
              part.removed && "bg-danger/15 text-fg line-through decoration-danger/60",
              !part.added && !part.removed && "text-fg-muted",
            )}
            data-change={part.added ? "added" : part.removed ? "removed" : undefined}
          >
            {part.added ? "+ " : part.removed ? "− " : ""}
            {part.value}
          </span>
        ))}
      </pre>
    </div>
  );
}
