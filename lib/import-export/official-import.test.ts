import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { VARIANTS } from "@/lib/pipeline/types";
import { getSessionDetailById, listSessions } from "@/lib/sessions/queries";
import { sessionListQuerySchema } from "@/lib/sessions/schema";
import { importPath, importPaths, importUploadedFiles } from "./magnet";
import { LEGACY_SESSION_KEY_PREFIX } from "./session-key";
import { officialOutput, readPublishedSession, readSeeds, SEED_FILE, SESSIONS_DIR } from "./testing";

// One database for the whole file: the tests build on each other in order. Seeds without a
// published session (session_4 is missing from the published set) keep the fixtures apart from it.

const seeds = readSeeds();
const tempDir = mkdtempSync(path.join(tmpdir(), "official-import-"));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));
const db = () => getDb();

function writeOutput(dir: string, name: string, value: unknown): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

describe("the official scripts' output", () => {
  it("imports each method's session_4.json under the variant it is given", async () => {
    for (const variant of VARIANTS) {
      const dir = path.join(tempDir, variant);
      writeOutput(dir, "session_4.json", officialOutput(seeds, 4, variant, { cost: 0.25 }));
      expect(await importPath(dir, { variant }), variant).toMatchObject({ imported: 1, failed: 0 });
    }
    const sessions = await db().session.findMany({
      where: { sessionNumber: 4 },
      include: { profile: true, _count: { select: { rounds: true } } },
    });
    expect(sessions.map((session) => session.variant).sort()).toEqual([...VARIANTS].sort());
    for (const session of sessions) {
      expect(session).toMatchObject({
        source: "imported",
        status: "completed",
        roundCount: 20,
        cost: 0.25,
        groundTruthCbt: seeds[3].ground_truth_CBT,
        config: { importedFrom: "session_4.json", format: "official" },
      });
      expect(session._count.rounds).toBe(20);
      expect(session.profile.referenceTechniques).toEqual(seeds[3].ground_truth_CBT);
    }
    // Every method's session_4 is about the same client: one profile.
    expect(new Set(sessions.map((session) => session.profileId)).size).toBe(1);
    const psych8k = sessions.find((session) => session.variant === "psych8k_baseline");
    expect(psych8k).toMatchObject({ technique: null, techniqueRaw: null, plan: null });
  });

  it("skips each of them when imported again, by file or by upload", async () => {
    for (const variant of VARIANTS) {
      expect(await importPath(path.join(tempDir, variant), { variant })).toMatchObject({
        imported: 0,
        skipped: 1,
      });
    }
    const text = JSON.stringify(officialOutput(seeds, 4, "cactus_baseline", { cost: 0.25 }));
    expect(
      await importUploadedFiles({ name: "session_4.json", text }, { variant: "cactus_baseline" }),
    ).toMatchObject({ imported: 0, skipped: 1 });
    expect(await db().session.count()).toBe(VARIANTS.length);
  });

  it("imports a MAGneT and a CACTUS session_1.json from one directory, and skips both the next time", async () => {
    const dir = path.join(tempDir, "both");
    writeOutput(path.join(dir, "magnet"), "session_1.json", officialOutput(seeds, 1, "magnet"));
    // The same file name, another method: a different record, never a silent skip.
    writeOutput(path.join(dir, "cactus"), "session_1.json", officialOutput(seeds, 1, "cactus_baseline"));
    expect(await importPath(path.join(dir, "magnet"))).toMatchObject({ imported: 1, skipped: 0 });
    expect(await importPath(path.join(dir, "cactus"), { variant: "cactus_baseline" })).toMatchObject({
      imported: 1,
      skipped: 0,
    });
    expect(await importPath(path.join(dir, "magnet"))).toMatchObject({ imported: 0, skipped: 1 });
    expect(await importPath(path.join(dir, "cactus"), { variant: "cactus_baseline" })).toMatchObject({
      imported: 0,
      skipped: 1,
    });
    const ones = await db().session.findMany({ where: { sessionNumber: 1 }, select: { variant: true } });
    expect(ones.map((session) => session.variant).sort()).toEqual(["cactus_baseline", "magnet"]);
  });

  it("imports a 12-round session as ended by the client", async () => {
    const file = writeOutput(
      path.join(tempDir, "short"),
      "session_10.json",
      officialOutput(seeds, 10, "no_selector", { rounds: 12 }),
    );
    expect(await importPath(file, { variant: "no_selector" })).toMatchObject({ imported: 1 });
    const session = await db().session.findFirstOrThrow({
      where: { sessionNumber: 10 },
      include: { rounds: { orderBy: { index: "asc" } } },
    });
    expect(session).toMatchObject({ status: "ended_by_client", roundCount: 12, maxRounds: 20 });
    expect(session.rounds.at(-1)?.endedByClient).toBe(true);
  });
});

describe("profiles first met in a published session", () => {
  it("get the seed's techniques from an official output of the same seed", async () => {
    expect(await importPath(path.join(SESSIONS_DIR, "session_30.json"))).toMatchObject({ imported: 1 });
    const published = await db().session.findFirstOrThrow({
      where: { sessionNumber: 30 },
      include: { profile: true },
    });
    expect(published.profile.referenceTechniques).toEqual([]);
    const file = writeOutput(
      path.join(tempDir, "fill"),
      "session_30.json",
      officialOutput(seeds, 30, "no_planner"),
    );
    expect(await importPath(file, { variant: "no_planner" })).toMatchObject({ imported: 1 });
    const profile = await db().clientProfile.findUniqueOrThrow({ where: { id: published.profileId } });
    expect(profile.referenceTechniques).toEqual(seeds[29].ground_truth_CBT);
    const sessions = await db().session.findMany({
      where: { sessionNumber: 30 },
      select: { groundTruthCbt: true },
    });
    expect(sessions).toEqual([
      { groundTruthCbt: seeds[29].ground_truth_CBT },
      { groundTruthCbt: seeds[29].ground_truth_CBT },
    ]);
  });
});

describe("the new fields where a user looks", () => {
  it("are in the session list and the session detail", async () => {
    const query = sessionListQuerySchema.parse({ variant: "psych8k_baseline" });
    const list = await listSessions(query);
    expect(list.items).toMatchObject([{ variant: "psych8k_baseline", sessionNumber: 4, cost: 0.25 }]);
    const detail = await getSessionDetailById({ id: list.items[0].id });
    expect(detail).toMatchObject({ sessionNumber: 4, cost: 0.25, groundTruthCbt: seeds[3].ground_truth_CBT });
  });
});

describe("sessions imported before content keys", () => {
  it("get their content key, so their files are skipped and other methods' files still import", async () => {
    expect(await importPaths([SEED_FILE, path.join(SESSIONS_DIR, "session_2.json")])).toMatchObject({
      failed: 0,
    });
    const session = await db().session.findFirstOrThrow({ where: { sessionNumber: 2 } });
    const legacyKey = `${LEGACY_SESSION_KEY_PREFIX}session_2`;
    await db().session.update({
      where: { id: session.id },
      data: { externalKey: legacyKey, sessionNumber: null },
    });

    const cactus = writeOutput(
      path.join(tempDir, "legacy"),
      "session_2.json",
      officialOutput(seeds, 2, "cactus_baseline"),
    );
    expect(await importPath(path.join(SESSIONS_DIR, "session_2.json"))).toMatchObject({
      imported: 0,
      skipped: 1,
    });
    expect(await importPath(cactus, { variant: "cactus_baseline" })).toMatchObject({
      imported: 1,
      skipped: 0,
    });
    expect(await db().session.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({
      externalKey: session.externalKey,
      sessionNumber: 2,
    });
  });
});

describe("a legacy session whose content is already stored under its content key", () => {
  it("keeps a key of its own, judged by its original texts, and the import goes on", async () => {
    const file = path.join(SESSIONS_DIR, "session_5.json");
    expect(await importPath(file)).toMatchObject({ imported: 1 });
    const original = readPublishedSession(5);
    const changed = structuredClone(original);
    changed.dialogue[2].message = "Not what the published session says.";
    const copy = writeOutput(path.join(tempDir, "copy"), "session_5.json", changed);
    expect(await importPath(copy)).toMatchObject({ imported: 1 });
    const [first, second] = await db().session.findMany({
      where: { sessionNumber: 5 },
      orderBy: { createdAt: "asc" },
    });
    // A person edits round 1 of the copy; what it held before (the published text) stays the original.
    await db().round.update({
      where: { sessionId_index: { sessionId: second.id, index: 1 } },
      data: {
        counselorReply: "An edit.",
        counselorEdited: true,
        originalCounselorReply: original.dialogue[2].message,
      },
    });
    await db().session.update({
      where: { id: second.id },
      data: { externalKey: `${LEGACY_SESSION_KEY_PREFIX}session_5`, sessionNumber: null },
    });
    expect(await importPath(file)).toMatchObject({ imported: 0, skipped: 1, failed: 0 });
    expect(await db().session.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      externalKey: `${first.externalKey}:${second.id}`,
      sessionNumber: 5,
    });
  });
});

describe("failures", () => {
  it("lists the first 100 and counts the rest", async () => {
    const broken = Array.from({ length: 250 }, (_, index) => ({
      ...seeds[index],
      AI_client: { attitude: "none" },
    }));
    const before = await db().clientProfile.count();
    const summary = await importUploadedFiles({ name: "broken.json", text: JSON.stringify(broken) });
    expect(summary).toMatchObject({ imported: 0, failed: 250, errorsNotListed: 150 });
    expect(summary.errors).toHaveLength(100);
    expect(summary.errors[99]).toMatchObject({
      record: "index 99",
      reason: expect.stringMatching(/^AI_client\./),
    });
    expect(await db().clientProfile.count()).toBe(before);
  });
});
