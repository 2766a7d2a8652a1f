import "server-only";
import { getDb } from "@/lib/db/client";
import type { ProfileData } from "@/lib/profiles/schema";

/**
 * A profile first created from a published session file has no reference techniques (those files do
 * not carry them); when its seed record arrives later, alone or inside an official script's output,
 * the record's techniques fill the gap, on the profile and as its imported sessions' ground truth.
 */
export async function fillReferenceTechniques(profiles: ProfileData[]): Promise<void> {
  const techniques = new Map(
    profiles
      .filter((profile) => profile.referenceTechniques.length > 0)
      .map((profile) => [profile.externalKey as string, profile.referenceTechniques]),
  );
  if (techniques.size === 0) return;
  const db = getDb();
  const bare = await db.clientProfile.findMany({
    where: { externalKey: { in: [...techniques.keys()] }, referenceTechniques: { isEmpty: true } },
    select: { id: true, externalKey: true },
  });
  if (bare.length === 0) return;
  await db.$transaction(
    bare.flatMap((profile) => {
      const found = techniques.get(profile.externalKey as string);
      return [
        db.clientProfile.update({ where: { id: profile.id }, data: { referenceTechniques: found } }),
        // Its imported sessions took the profile's (empty) techniques as their ground truth.
        db.session.updateMany({
          where: { profileId: profile.id, source: "imported", groundTruthCbt: { isEmpty: true } },
          data: { groundTruthCbt: found },
        }),
      ];
    }),
  );
}
