"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { roleLabel } from "@/components/ui/agent-labels";
import { Button } from "@/components/ui/button";
import { fetchParsed } from "@/components/ui/fetch-json";
import { Input, Label } from "@/components/ui/field";
import { createdPromptVersionSchema } from "@/lib/prompts/schema";

/**
 * Saves the edited template as the role's next version (inactive), through the Prompts page's route:
 * the same check of its variables, which names any unknown or missing one.
 */
export function SaveVersion({ role, template }: { role: string; template: string }) {
  const [note, setNote] = useState("");
  const save = useMutation({
    mutationFn: () =>
      fetchParsed(createdPromptVersionSchema, "/api/prompts/versions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ role, template, note }),
      }),
  });
  return (
    <form
      className="grid gap-2 border-t border-border pt-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <div className="grid gap-1">
        <Label htmlFor="playground-note">Note for the new version</Label>
        <Input id="playground-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </div>
      {save.error ? (
        <p role="alert" className="text-sm text-danger" data-testid="save-version-error">
          {save.error.message}
        </p>
      ) : null}
      {save.data ? (
        <p role="status" className="text-sm text-success" data-testid="save-version-done">
          Saved as {roleLabel(save.data.role)} v{save.data.version} (not active;{" "}
          <Link className="underline" href={`/prompts?role=${encodeURIComponent(role)}`}>
            activate it on the Prompts page
          </Link>
          ).
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={save.isPending} data-testid="save-version">
          Save as new version
        </Button>
      </div>
    </form>
  );
}
