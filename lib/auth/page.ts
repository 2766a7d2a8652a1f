import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { type CurrentUser, userFromHeaders } from "./current-user";
import { hasRole, type Role } from "./roles";

/**
 * For server pages and layouts: the signed-in user, or a redirect to the sign-in page (which also
 * says when the role is not enough). Hiding a button is not the check; this is.
 */
export async function requirePageUser(needed: Role = "viewer", from = "/"): Promise<CurrentUser> {
  const user = await userFromHeaders(await headers());
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(from)}`);
  if (!hasRole(user.role, needed)) redirect(`/sign-in?needs=${needed}&next=${encodeURIComponent(from)}`);
  return user;
}

/** The signed-in user or null, for pages that only adapt (the shell's account menu). */
export async function pageUser(): Promise<CurrentUser | null> {
  return userFromHeaders(await headers());
}
