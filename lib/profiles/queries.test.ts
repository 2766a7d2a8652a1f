import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getProfileById, listProfiles, upsertProfileByExternalKey } from "./queries";
import { sampleProfileInputs } from "./samples";

describe("upsertProfileByExternalKey", () => {
  const [sample] = sampleProfileInputs();
  const externalKey = "test:upsert";

  it("creates the profile, then rewrites it under the same key", async () => {
    const created = await upsertProfileByExternalKey({ externalKey, profile: sample });
    expect(created).toMatchObject({ externalKey, name: sample.name, source: "sample" });

    const updated = await upsertProfileByExternalKey({
      externalKey,
      profile: { ...sample, openingClient: "A different first line." },
    });
    expect(updated.id).toBe(created.id);
    expect((await getProfileById({ id: created.id })).openingClient).toBe("A different first line.");
    expect(await getDb().clientProfile.count({ where: { externalKey } })).toBe(1);
  });

  it("rejects an invalid profile, naming the field", async () => {
    await expect(
      upsertProfileByExternalKey({
        externalKey: "test:bad",
        profile: { ...sample, presentingProblem: "  " },
      }),
    ).rejects.toThrow(/presentingProblem: must not be empty/);
  });

  it("lists nothing for a search that matches no one", async () => {
    expect(await listProfiles({ search: "zzz-nobody" })).toMatchObject({ items: [], total: 0, page: 1 });
  });
});
