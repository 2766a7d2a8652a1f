import "server-only";
import { getDb } from "./client";

/** Row counts for the Settings page. */
export async function getDatabaseStats() {
  const db = getDb();
  const [profiles, sessions, rounds, agentCalls] = await Promise.all([
    db.clientProfile.count(),
    db.session.count(),
    db.round.count(),
    db.agentCall.count(),
  ]);
  return { profiles, sessions, rounds, agentCalls };
}

/** Where the app's database is, without credentials. */
export function describeDatabase(url = process.env.DATABASE_URL ?? ""): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}, database ${parsed.pathname.slice(1)}`;
  } catch {
    return "not configured";
  }
}
