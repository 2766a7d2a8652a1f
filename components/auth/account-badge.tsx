"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";

export interface AccountBadgeUser {
  email: string;
  role: string;
}

/** Who is signed in, with links to the account page and a sign-out button. */
export function AccountBadge({
  user,
  canManageUsers,
}: {
  user: AccountBadgeUser | null;
  canManageUsers: boolean;
}) {
  if (!user) {
    return (
      <Link
        href="/sign-in"
        className="block rounded-md border border-border px-3 py-2 text-xs hover:bg-surface-muted"
      >
        Sign in
      </Link>
    );
  }
  async function signOut() {
    await fetch("/api/auth/sign-out", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    window.location.assign("/sign-in");
  }
  return (
    <div className="rounded-md border border-border px-3 py-2 text-xs" data-testid="account-badge">
      <Link href="/account" className="block truncate font-medium hover:underline" title={user.email}>
        {user.email}
      </Link>
      <span className="block text-fg-muted">{user.role}</span>
      <div className="mt-1 flex flex-wrap items-center gap-x-3">
        {canManageUsers ? (
          <Link href="/users" className="text-fg-muted hover:text-fg hover:underline" data-testid="nav-users">
            Users
          </Link>
        ) : null}
        <Button variant="ghost" className="px-0 py-0 text-xs" onClick={signOut} data-testid="sign-out">
          Sign out
        </Button>
      </div>
    </div>
  );
}
