// Writes a new migration with the changes made to prisma/schema.prisma since the last migration.
// Usage: npm run db:new-migration -- <name>   (then review the SQL and run `npm run db:migrate`)
import path from "node:path";
import { createMigration, NoSchemaChangesError } from "../db/migrations";
import { loadDotEnv, runCli } from "../db/migrations/cli-support";
import { withStudioDatabase } from "../studio/database";

runCli(async () => {
  const name = process.argv.slice(2).join(" ").trim();
  if (!name) {
    throw new Error("Name the migration: npm run db:new-migration -- <name>   (e.g. add_session_notes)");
  }
  loadDotEnv();
  // The server only hosts a shadow database in which the migrations are replayed.
  await withStudioDatabase(
    async (url) => {
      try {
        const migration = await createMigration(name, url);
        console.log(`Created ${path.relative(process.cwd(), migration.path)}`);
        console.log("Review it, then apply it with `npm run db:migrate`.");
      } catch (error) {
        if (!(error instanceof NoSchemaChangesError)) throw error;
        console.log(error.message);
        process.exitCode = 1;
      }
    },
    { migrate: false },
  );
});
