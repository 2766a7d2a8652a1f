"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { fetchJson } from "@/components/ui/fetch-json";
import { Input, Label } from "@/components/ui/field";

/** A new version from the active one's text; the server checks its variables and names any at fault. */
export function NewPromptVersion({ role, startFrom }: { role: string; startFrom: string }) {
  const router = useRouter();
  const [template, setTemplate] = useState(startFrom);
  const [note, setNote] = useState("");
  const save = useMutation({
    mutationFn: () =>
      fetchJson("/api/prompts/versions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ role, template, note }),
      }),
    onSuccess: () => {
      setNote("");
      router.refresh();
    },
  });
  return (
    <Card>
      <CardHeader title="New version" subtitle="Starts from the active version. It is saved inactive." />
      <form
        className="grid gap-3 px-4 py-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <div className="grid gap-1">
          <Label htmlFor="prompt-template">Template (a “### system” and a “### user” section)</Label>
          <textarea
            id="prompt-template"
            value={template}
            onChange={(e) => setTemplate(e.target.value)}
            rows={16}
            spellCheck={false}
            className="min-w-0 rounded-md border border-border bg-surface-raised p-2.5 font-mono text-xs text-fg"
          />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="prompt-note">Note</Label>
          <Input id="prompt-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        </div>
        {save.error ? (
          <p role="alert" className="text-sm text-danger" data-testid="prompt-error">
            {save.error.message}
          </p>
        ) : null}
        {save.isSuccess ? (
          <p role="status" className="text-sm text-success">
            Saved.
          </p>
        ) : null}
        <div>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            Save as a new version
          </Button>
        </div>
      </form>
    </Card>
  );
}
