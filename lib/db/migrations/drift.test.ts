import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "./index";

describe("prisma/migrations", () => {
  it("build exactly the schema of prisma/schema.prisma", async () => {
    const missing = await diffMigrationsToSchema(process.env.DATABASE_URL ?? "");
    expect(
      missing,
      "prisma/schema.prisma has changes that no migration makes. Create one with " +
        "`npm run db:new-migration -- <name>` and commit it. The missing SQL:\n\n" +
        missing,
    ).toBe("");
  });
});
