import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { type CurrentUser, userFromHeaders } from "./current-user";
import { REQUESTED_PATH_HEADER, safeReturnPath, signInPath } from "./return-path";
import { hasRole, type Role } from "./roles";

/**
 * For server pages and layouts: the signed-in user, or a redirect to the sign-in page (which also
 * says when the role is not enough) that comes back to the page asked for, query included. Hiding a
 * button is not the check; this is.
 */
export async function requirePageUser(needed: Role = "viewer"): Promise<CurrentUser> {
  const requestHeaders = await headers();
  const user = await userFromHeaders(requestHeaders);
  if (user && hasRole(user.role, needed)) return user;
  const back = safeReturnPath(requestHeaders.get(REQUESTED_PATH_HEADER));
  redirect(user ? signInPath(back, needed) : signInPath(back));
}

/** The signed-in user or null, for pages that only adapt (the shell's account menu). */
export async function pageUser(): Promise<CurrentUser | null> {
  return userFromHeaders(await headers());
}
