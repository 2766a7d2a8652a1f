import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { countUsers, createUser } from "./users";

export const FIRST_RESEARCHER_EMAIL = "researcher@studio.local";

/**
 * On an empty user table, a researcher to sign in with; its password is returned this once (the
 * studio prints it) and only its hash is kept. Null when there are users already.
 */
export async function ensureFirstResearcher(): Promise<{ email: string; password: string } | null> {
  if ((await countUsers()) > 0) return null;
  const { user, password } = await createUser(
    { email: FIRST_RESEARCHER_EMAIL, name: "Researcher", role: "researcher" },
    null,
  );
  return { email: user.email, password };
}

/** The secret that signs session cookies: BETTER_AUTH_SECRET, else one made once and kept in the database. */
export async function studioAuthSecret(): Promise<string> {
  const configured = process.env.BETTER_AUTH_SECRET;
  if (configured) return configured;
  const secret = await getDb().studioSecret.upsert({
    where: { name: "auth" },
    create: { name: "auth", value: randomBytes(32).toString("base64url") },
    update: {},
  });
  return secret.value;
}
