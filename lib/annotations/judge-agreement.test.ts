import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { krippendorffAlpha } from "@/lib/stats/krippendorff";
import { getJudgeAgreementBySessions } from "./judge-agreement";

// Four sessions, two annotators and a judge. CTRS understanding: session 1 both annotators (4, 5) and
// the judge 5; session 2 both (2, 2), judge 3; session 3 one annotator (3), judge 3; session 4
// annotated (6) but never judged. WAI item 1 is annotated only, never judged.

const sessionIds: string[] = [];

beforeAll(async () => {
  await seedSampleProfiles();
  const db = getDb();
  const profile = await db.clientProfile.findFirstOrThrow({ orderBy: { name: "asc" } });
  for (let i = 0; i < 4; i++) {
    const session = await db.session.create({
      data: {
        profileId: profile.id,
        variant: "magnet",
        status: "completed",
        source: "generated",
        config: {},
        maxRounds: 1,
        openingCounselor: "Hello.",
        openingClient: "Hi.",
      },
    });
    sessionIds.push(session.id);
  }
  const stamp = Date.now();
  const [a, b] = await Promise.all(
    ["a", "b"].map((who) =>
      db.user.create({ data: { email: `judge-agreement-${who}-${stamp}@test.local`, name: who } }),
    ),
  );
  const form = (authorId: string, sessionId: string, understanding: number, wai?: number) => ({
    authorId,
    sessionId,
    target: "session" as const,
    data: { ctrs: { understanding }, ...(wai ? { wai: { agreement_on_steps: wai } } : {}) },
  });
  await db.annotation.createMany({
    data: [
      form(a.id, sessionIds[0], 4, 5),
      form(b.id, sessionIds[0], 5),
      form(a.id, sessionIds[1], 2),
      form(b.id, sessionIds[1], 2),
      form(a.id, sessionIds[2], 3),
      form(a.id, sessionIds[3], 6),
    ],
  });
  await db.evaluationResult.createMany({
    data: [5, 3, 3].map((score, i) => ({
      sessionId: sessionIds[i],
      metric: "ctrs",
      item: "understanding",
      score,
      judgeModel: "judge",
    })),
  });
});

describe("getJudgeAgreementBySessions", () => {
  it("compares each session's annotator mean with the judge over the sessions that have both", async () => {
    const items = await getJudgeAgreementBySessions(sessionIds);
    expect(items.map((i) => i.item)).toEqual(["ctrs.understanding"]);
    const [understanding] = items;
    expect(understanding.label).toBe("CTRS: Understanding");
    expect(understanding.units).toBe(3);
    expect(understanding.humanMean).toBeCloseTo((4.5 + 2 + 3) / 3, 10);
    expect(understanding.judgeMean).toBeCloseTo(11 / 3, 10);
    expect(understanding.meanAbsoluteDifference).toBeCloseTo(0.5, 10);
    // Two coders per session: the annotators' mean rounded (4.5 → 5) and the judge rounded.
    const pairs = [
      [5, 5],
      [2, 3],
      [3, 3],
    ].flatMap(([human, judge], unit) => [
      { unit: String(unit), coder: "human", value: human },
      { unit: String(unit), coder: "judge", value: judge },
    ]);
    expect(understanding.alpha).toBeCloseTo(krippendorffAlpha(pairs, "ordinal").alpha ?? Number.NaN, 10);
    expect(understanding.alpha).toBeGreaterThan(0);
    expect(understanding.alpha).toBeLessThan(1);
  });

  it("counts only the sessions asked for, and is empty where none is annotated", async () => {
    const [onlyFirst] = await getJudgeAgreementBySessions(sessionIds.slice(0, 1));
    expect(onlyFirst.units).toBe(1);
    expect(onlyFirst.humanMean).toBe(4.5);
    expect(await getJudgeAgreementBySessions(["cunknown000000000000000000"])).toEqual([]);
    expect(await getJudgeAgreementBySessions([])).toEqual([]);
  });
});
