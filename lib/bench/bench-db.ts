import pg from "pg";
import { SESSION_STATUSES, SESSION_VARIANTS } from "@/lib/sessions/schema";

// Direct SQL on the app's database. Bulk sessions for the list timings come in one INSERT … SELECT
// generate_series; they copy a real session's config (the list describes its models) and spread over
// the existing profiles, every status and variant, 0–20 rounds and the last ~4 days.

export async function insertSessions(
  databaseUrl: string,
  count: number,
  configFrom: string,
): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ id: string; openingCounselor: string; openingClient: string }>(
      `SELECT id, "openingCounselor", "openingClient" FROM "ClientProfile" ORDER BY id`,
    );
    if (rows.length === 0) throw new Error("No client profiles to link the sessions to");
    const result = await client.query(
      `INSERT INTO "Session" (id, "profileId", variant, config, status, "maxRounds", technique, "openingCounselor",
         "openingClient", source, "roundCount", "tokensIn", "tokensOut", "createdAt", "updatedAt")
       SELECT 'bench-' || g, ($1::text[])[1 + g % cardinality($1::text[])],
         ($2::text[])[1 + g % cardinality($2::text[])]::"SessionVariant",
         (SELECT config FROM "Session" WHERE id = $5),
         ($3::text[])[1 + (g / 7) % cardinality($3::text[])]::"SessionStatus",
         20, 'Decatastrophizing', $6, $7, 'generated', g % 21, 1000 + g % 5000, 500 + g % 3000,
         now() - g * interval '37 seconds', now() - g * interval '37 seconds'
       FROM generate_series(1, $4::int) AS g`,
      [
        rows.map((r) => r.id),
        SESSION_VARIANTS,
        SESSION_STATUSES,
        count,
        configFrom,
        rows[0].openingCounselor,
        rows[0].openingClient,
      ],
    );
    // As autovacuum would soon after such an insert: plans on fresh statistics.
    await client.query(`ANALYZE "Session"`);
    return result.rowCount ?? 0;
  });
}

export interface StoredSession {
  rounds: number;
  agentCalls: number;
  /** Stored sizes: what the session page's query reads, and the part of it that is prompt messages. */
  agentCallBytes: number;
  promptBytes: number;
}

export function describeStoredSession(databaseUrl: string, sessionId: string): Promise<StoredSession> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<Record<keyof StoredSession, string>>(
      `SELECT (SELECT count(*) FROM "Round" WHERE "sessionId" = $1) AS rounds, count(*) AS "agentCalls",
         coalesce(sum(pg_column_size(c.*)), 0) AS "agentCallBytes",
         coalesce(sum(pg_column_size(c."promptMessages")), 0) AS "promptBytes"
       FROM "AgentCall" c WHERE c."sessionId" = $1`,
      [sessionId],
    );
    const row = rows[0];
    return {
      rounds: Number(row.rounds),
      agentCalls: Number(row.agentCalls),
      agentCallBytes: Number(row.agentCallBytes),
      promptBytes: Number(row.promptBytes),
    };
  });
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
