"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/field";
import { isRole, ROLES } from "@/lib/auth/roles";
import type { UserRow } from "@/lib/auth/schema";
import { fetchUsers, patchUser, postUser } from "./requests";

/** Researchers' user management: create (the password shown once), change role, deactivate. */
export function UsersPanel({ selfId }: { selfId: string }) {
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ["users"], queryFn: fetchUsers });
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: ["users"] });
    queryClient.invalidateQueries({ queryKey: ["audit"] });
  };
  const create = useMutation({
    mutationFn: postUser,
    onSuccess: ({ user, password }) => {
      setCreated({ email: user.email, password });
      refresh();
    },
  });
  const update = useMutation({
    mutationFn: ({ id, change }: { id: string; change: Parameters<typeof patchUser>[1] }) =>
      patchUser(id, change),
    onSuccess: refresh,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const role = form.get("role");
    if (!isRole(role)) return;
    create.mutate({ email: String(form.get("email") ?? ""), name: String(form.get("name") ?? ""), role });
    event.currentTarget.reset();
  }

  const error = create.error ?? update.error;
  return (
    <Card>
      <CardHeader
        title="Users"
        subtitle={
          <>
            Accounts are made here (or with <code>npm run user:create</code>); nobody signs up.
          </>
        }
      />
      <div className="flex flex-col gap-4 px-4 py-4">
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3" data-testid="create-user-form">
          <div className="flex flex-col gap-1">
            <Label htmlFor="user-email">Email</Label>
            <Input id="user-email" name="email" type="email" required />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="user-name">Name</Label>
            <Input id="user-name" name="name" />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="user-role">Role</Label>
            <Select id="user-role" name="role" defaultValue="annotator">
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            Create user
          </Button>
        </form>
        {error ? (
          <p role="alert" className="text-sm text-danger">
            {error.message}
          </p>
        ) : null}
        {created ? (
          <div
            className="rounded-md border border-border bg-surface-muted px-3 py-2 text-sm"
            data-testid="new-user-password"
          >
            <p className="font-medium">Hand {created.email} this password now: it is not shown again.</p>
            <code className="block break-all">{created.password}</code>
          </div>
        ) : null}
        {/* Narrower, an email breaks letter by letter and the row's button is cut off: scroll instead.
            Positioned, so that the header's screen-reader-only text scrolls with it, not the page. */}
        <div className="relative overflow-x-auto">
          <table className="w-full min-w-[34rem] text-left text-sm" data-testid="user-table">
            <thead className="text-xs text-fg-muted">
              <tr>
                <th className="py-2 pr-3 font-medium">Email</th>
                <th className="py-2 pr-3 font-medium">Role</th>
                <th className="py-2 pr-3 font-medium">Status</th>
                <th className="py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {(users.data ?? []).map((user) => (
                <UserLine
                  key={user.id}
                  user={user}
                  self={user.id === selfId}
                  pending={update.isPending}
                  onChange={(change) => update.mutate({ id: user.id, change })}
                />
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Card>
  );
}

function UserLine({
  user,
  self,
  pending,
  onChange,
}: {
  user: UserRow;
  self: boolean;
  pending: boolean;
  onChange: (change: Parameters<typeof patchUser>[1]) => void;
}) {
  const active = user.deactivatedAt === null;
  return (
    <tr>
      <td className="py-2 pr-3 [overflow-wrap:anywhere]">
        {user.email}
        {self ? <span className="text-fg-muted"> (you)</span> : null}
      </td>
      <td className="py-2 pr-3">
        <Select
          aria-label={`Role of ${user.email}`}
          value={user.role}
          disabled={self || pending}
          onChange={(event) => {
            const role = event.target.value;
            if (isRole(role)) onChange({ role });
          }}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </Select>
      </td>
      <td className="py-2 pr-3">{active ? "active" : "deactivated"}</td>
      <td className="py-2 text-right">
        {self ? null : (
          <Button
            variant={active ? "danger" : "secondary"}
            disabled={pending}
            onClick={() => onChange({ active: !active })}
          >
            {active ? "Deactivate" : "Reactivate"}
          </Button>
        )}
      </td>
    </tr>
  );
}
