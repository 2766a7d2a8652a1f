// Writes MAGneT Studio's built-in sample client profiles. Safe to run again: existing samples are
// updated in place, never duplicated.  Usage: npm run db:seed
import { loadDotEnv, runCli } from "../db/migrations/cli-support";
import { seedSampleProfiles } from "../profiles/queries";
import { withStudioDatabase } from "../studio/database";

runCli(async () => {
  loadDotEnv();
  await withStudioDatabase(async () => {
    const { created, updated } = await seedSampleProfiles();
    console.log(`Sample profiles: ${created} created, ${updated} already present (updated).`);
  });
});
