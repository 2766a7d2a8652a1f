import "server-only";
import { AppError } from "@/lib/errors";
import { userIdByApiKey } from "./api-keys";
import { hasRole, type Role } from "./roles";
import { getAuth } from "./server";
import { getActiveUserById, type UserView } from "./users";

export type CurrentUser = Pick<UserView, "id" | "email" | "name" | "role">;

/**
 * Who sent a request: the owner of an `Authorization: Bearer` API key, else the user of the
 * session cookie. A deactivated account is nobody.
 */
export async function userFromHeaders(headers: Headers): Promise<CurrentUser | null> {
  const authorization = headers.get("authorization");
  let userId: string | null = null;
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    userId = match ? await userIdByApiKey(match[1]) : null;
  } else if (headers.has("cookie")) {
    const session = await getAuth().api.getSession({ headers });
    userId = session?.user.id ?? null;
  }
  if (userId === null) return null;
  // Read the user itself, not the session's copy, so that a role change or a deactivation counts now.
  const user = await getActiveUserById(userId);
  return user && { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The user, if it has at least `needed`; else 401 (nobody) or 403 naming the role needed. */
export async function requireUser(headers: Headers, needed: Role): Promise<CurrentUser> {
  const user = await userFromHeaders(headers);
  if (!user) {
    throw new AppError("unauthorized", "Sign in, or send an API key as Authorization: Bearer <key>", [
      { field: "authorization", message: "not signed in" },
    ]);
  }
  if (!hasRole(user.role, needed)) throw roleNeeded(user.role, needed);
  return user;
}

export function roleNeeded(role: Role, needed: Role): AppError {
  return new AppError("forbidden", `This needs the ${needed} role; you are ${article(role)} ${role}`, [
    { field: "role", message: `needs ${needed}` },
  ]);
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? "an" : "a";
}
