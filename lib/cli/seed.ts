// Writes MAGneT Studio's built-in sample client profiles. Safe to run again: existing samples are
// updated in place, never duplicated.  Usage: npm run db:seed
import { disconnectDb } from "../db/client";
import { loadDotEnv, requireDatabaseUrl, runCli } from "../db/migrations/cli-support";
import { seedSampleProfiles } from "../profiles/queries";

runCli(async () => {
  loadDotEnv();
  requireDatabaseUrl("it names the database to seed");
  try {
    const { created, updated } = await seedSampleProfiles();
    console.log(`Sample profiles: ${created} created, ${updated} already present (updated).`);
  } finally {
    await disconnectDb();
  }
});
