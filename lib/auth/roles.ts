import { UserRole } from "@/lib/db/generated/enums";

// The roles come from the schema's one enum; this file only ranks them. Safe for the browser.

export type Role = UserRole;

/** Weakest first: each role may do everything the ones before it may. */
export const ROLES = [
  UserRole.viewer,
  UserRole.annotator,
  UserRole.researcher,
] as const satisfies readonly Role[];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether a user with `role` may do what needs `needed`. */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  researcher: "everything: run and stop sessions, import, prompts, users",
  annotator: "read sessions and annotate what is assigned",
  viewer: "read only",
};
