import { describe, expect, inject, it } from "vitest";
import { getDb } from "../db/client";
import { databaseNameOf } from "../db/migrations/postgres";

describe("the test file's database", () => {
  it("is a fresh copy of the migrated template", async () => {
    const name = databaseNameOf(process.env.DATABASE_URL ?? "");
    expect(name).toMatch(/^magnet_test_[0-9a-f]{16}$/);
    expect(name).not.toBe(inject("testDatabase").templateDatabase);
    expect(await getDb().clientProfile.count()).toBe(0);
  });

  it("can be written to", async () => {
    const db = getDb();
    await db.experiment.create({ data: { name: "fresh-database test", config: {} } });
    expect(await db.experiment.count()).toBe(1);
  });
});
