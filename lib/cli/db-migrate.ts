// Applies the migrations of prisma/migrations to the studio database (DATABASE_URL, or the embedded
// one), like `prisma migrate deploy`, creating the database if needed.  Usage: npm run db:migrate
import { applyMigrations } from "../db/migrations";
import { loadDotEnv, runCli } from "../db/migrations/cli-support";
import { redactUrl } from "../db/migrations/postgres";
import { withStudioDatabase } from "../studio/database";

runCli(async () => {
  loadDotEnv();
  await withStudioDatabase(migrate, { migrate: false });
});

async function migrate(url: string) {
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
}
