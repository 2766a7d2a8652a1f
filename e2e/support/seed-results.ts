// Seeds an experiment for e2e/results.spec.ts in the e2e studio's database and prints what it made
// as JSON: MAGneT and No selector on the same five imported clients (three negative, two positive),
// completed, with judged CTRS and PANAS, and the signed-in researcher's CTRS understanding of 4 on
// each MAGneT session (where the judge gave 4 or 5). Run as a CLI, so it reaches the database as the studio does.
import { getDb } from "@/lib/db/client";
import { PANAS_NEGATIVE, PANAS_POSITIVE } from "@/lib/eval/scales";
import { withStudioDatabase } from "@/lib/studio/database";

const JUDGE = "e2e-judge";
const CTRS_ITEMS = [
  "understanding",
  "interpersonal_effectiveness",
  "collaboration",
  "guided_discovery",
  "focus",
  "strategy",
];
/** PANAS negative "after" per negative client, in order: shifts of +2, +0.5 and +1 from a "before" of 3. */
const NEGATIVE_AFTER = [5, 3.5, 4];

const feelings = (
  target: { sessionId?: string; profileId?: string },
  metric: string,
  positive: number,
  negative: number,
) => [
  ...PANAS_POSITIVE.map((item) => ({ ...target, metric, item, score: positive, judgeModel: JUDGE })),
  ...PANAS_NEGATIVE.map((item) => ({ ...target, metric, item, score: negative, judgeModel: JUDGE })),
];

async function seed() {
  const db = getDb();
  const pick = (attitude: "negative" | "positive", take: number) =>
    db.session.findMany({
      where: { source: "imported", variant: "magnet", profile: { attitude } },
      distinct: ["profileId"],
      orderBy: { profileId: "asc" },
      take,
      include: { rounds: { orderBy: { index: "asc" }, take: 3 }, profile: true },
    });
  const sources = [...(await pick("negative", 3)), ...(await pick("positive", 2))];
  const experiment = await db.experiment.create({
    data: { name: `Selector ablation ${Date.now()}`, config: {} },
  });
  const researcher = await db.user.findUniqueOrThrow({ where: { email: "e2e-researcher@studio.local" } });
  const created: { id: string; variant: string; attitude: string; client: string; negativeAfter: number }[] =
    [];
  for (const [i, source] of sources.entries()) {
    await db.evaluationResult.createMany({
      data: feelings({ profileId: source.profileId }, "panas_before", 2, 3),
    });
    for (const variant of ["magnet", "no_selector"] as const) {
      const session = await db.session.create({
        data: {
          profileId: source.profileId,
          variant,
          config: {},
          status: "completed",
          source: "generated",
          maxRounds: 3,
          roundCount: source.rounds.length,
          openingCounselor: source.openingCounselor,
          openingClient: source.openingClient,
          experimentId: experiment.id,
          rounds: {
            create: source.rounds.map(({ index, counselorReply, clientReply }) => ({
              index,
              counselorReply,
              clientReply,
              selectedTechniques:
                variant === "magnet" ? ["reflection", "questioning"].slice(0, index) : ["reflection"],
            })),
          },
        },
      });
      const negative = source.profile.attitude === "negative";
      const negativeAfter = variant === "magnet" && negative ? NEGATIVE_AFTER[i] : negative ? 3 : 2;
      await db.evaluationResult.createMany({
        data: [
          ...CTRS_ITEMS.map((item) => ({
            sessionId: session.id,
            metric: "ctrs",
            item,
            score: (variant === "magnet" ? 4 : 3) + (i % 2),
            judgeModel: JUDGE,
          })),
          ...feelings({ sessionId: session.id }, "panas_after", 3, negativeAfter),
        ],
      });
      if (variant === "magnet") {
        await db.annotation.create({
          data: {
            sessionId: session.id,
            target: "session",
            authorId: researcher.id,
            data: { ctrs: { understanding: 4 } },
          },
        });
      }
      created.push({
        id: session.id,
        variant,
        attitude: source.profile.attitude,
        client: source.profile.name,
        negativeAfter,
      });
    }
  }
  return { experimentId: experiment.id, name: experiment.name, sessions: created };
}

withStudioDatabase(async () => {
  process.stdout.write(`${JSON.stringify(await seed())}\n`);
}).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
