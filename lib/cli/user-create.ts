// `npm run user:create -- --email E --role R [--name N] [--api-key]`: makes an account and prints
// its generated password; with --api-key also a personal API key, alone on the last line (for
// scripts: `npm run -s user:create -- … --api-key | tail -1`).
import { parseArgs } from "node:util";
import { createApiKey } from "@/lib/auth/api-keys";
import { isRole, ROLES } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";
import { loadDotEnv, runCli } from "@/lib/db/migrations/cli-support";
import { withStudioDatabase } from "@/lib/studio/database";

runCli(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      "api-key": { type: "boolean", default: false },
    },
  });
  const { email, role, name } = values;
  if (!email?.includes("@")) throw new Error("Give the account's email: --email someone@example.org");
  if (!isRole(role)) throw new Error(`Give a role: --role ${ROLES.slice().reverse().join("|")}`);
  loadDotEnv();
  await withStudioDatabase(async () => {
    const { user, password } = await createUser({ email, name, role }, null);
    console.log(`Created ${user.email} (${user.role}). Password, shown only now:`);
    console.log(`  ${password}`);
    if (values["api-key"]) {
      const { key } = await createApiKey(user.id, "user:create");
      console.log("API key, shown only now (send it as Authorization: Bearer <key>):");
      console.log(key);
    }
  });
});
