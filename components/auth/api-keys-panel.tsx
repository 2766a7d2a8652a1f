"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/field";
import { deleteApiKey, fetchApiKeys, postApiKey } from "./requests";

/** The signed-in user's API keys: create one (shown once), list, revoke. */
export function ApiKeysPanel() {
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: ["api-keys"], queryFn: fetchApiKeys });
  const [shown, setShown] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: postApiKey,
    onSuccess: (created) => {
      setShown(created.key);
      queryClient.invalidateQueries({ queryKey: ["api-keys"] });
    },
  });
  const revoke = useMutation({
    mutationFn: deleteApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["api-keys"] }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    create.mutate(name);
    event.currentTarget.reset();
  }

  return (
    <Card>
      <CardHeader
        title="API keys"
        subtitle="For scripts and notebooks: send Authorization: Bearer <key>. A key acts with your role."
      />
      <div className="flex flex-col gap-4 px-4 py-4">
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <Label htmlFor="key-name">Name</Label>
            <Input id="key-name" name="name" required maxLength={80} placeholder="e.g. analysis notebook" />
          </div>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            Create key
          </Button>
        </form>
        {create.error ? (
          <p role="alert" className="text-sm text-danger">
            {create.error.message}
          </p>
        ) : null}
        {shown ? (
          <div
            className="rounded-md border border-border bg-surface-muted px-3 py-2 text-sm"
            data-testid="new-api-key"
          >
            <p className="font-medium">Copy this key now: it is not shown again.</p>
            <code className="block break-all">{shown}</code>
          </div>
        ) : null}
        <ul className="flex flex-col divide-y divide-border text-sm" data-testid="api-key-list">
          {(keys.data ?? []).map((key) => (
            <li key={key.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{key.name}</span>{" "}
                <code className="text-fg-muted">{key.prefix}…</code>
                <span className="block text-xs text-fg-muted">
                  created {key.createdAt.toLocaleString()}
                  {key.lastUsedAt ? `, last used ${key.lastUsedAt.toLocaleString()}` : ", never used"}
                </span>
              </span>
              <Button variant="danger" onClick={() => revoke.mutate(key.id)} disabled={revoke.isPending}>
                Revoke
              </Button>
            </li>
          ))}
          {keys.data?.length === 0 ? <li className="py-2 text-fg-muted">No keys yet.</li> : null}
        </ul>
      </div>
    </Card>
  );
}
