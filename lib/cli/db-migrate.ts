// Applies the migrations of prisma/migrations to DATABASE_URL (like `prisma migrate deploy`),
// creating the database if needed.  Usage: npm run db:migrate
import { applyMigrations } from "../db/migrations";
import { loadDotEnv, requireDatabaseUrl, runCli } from "../db/migrations/cli-support";
import { redactUrl } from "../db/migrations/postgres";

runCli(async () => {
  loadDotEnv();
  const url = requireDatabaseUrl("it names the database to migrate");
  const started = performance.now();
  const { applied, createdDatabase } = await applyMigrations(url);
  const took = `${Math.round(performance.now() - started)} ms`;
  if (createdDatabase) console.log(`Created database ${redactUrl(url)}`);
  if (applied.length === 0) {
    console.log(`Database is up to date (${took}).`);
    return;
  }
  for (const name of applied) console.log(`Applied ${name}`);
  console.log(`${applied.length} migration(s) applied in ${took}.`);
});
