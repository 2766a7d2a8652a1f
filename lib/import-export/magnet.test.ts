import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ATTITUDES } from "@/lib/cbt/techniques";
import { getDb } from "@/lib/db/client";
import { getProfileById, listProfiles, seedSampleProfiles } from "@/lib/profiles/queries";
import { SAMPLE_PROFILES } from "@/lib/profiles/samples";
import { importPath, importUploadedFiles } from "./magnet";
import { magnetProfileKey } from "./magnet-records";
import type { ImportProgress } from "./summary";

// One database for the whole file: the tests build on each other in order.

interface SeedRecord {
  AI_client: { intake_form: string; attitude: string };
  ground_truth_CBT: string[];
}

const dataDir = path.resolve(process.cwd(), "../shared/data/magnet");
const seedFile = path.join(dataDir, "intake-forms.json");
const sessionsDir = path.join(dataDir, "sessions");
const seeds: SeedRecord[] = JSON.parse(readFileSync(seedFile, "utf8"));
const tempDir = mkdtempSync(path.join(tmpdir(), "magnet-import-"));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

const db = () => getDb();

describe("importing the MAGneT seed file", () => {
  it("creates 450 profiles, 150 per attitude, reporting progress", async () => {
    const progress: ImportProgress[] = [];
    const summary = await importPath(seedFile, { onProgress: (step) => progress.push(step) });
    expect(summary).toEqual({ imported: 450, skipped: 0, failed: 0, errors: [], errorsNotListed: 0 });
    expect(await db().clientProfile.count()).toBe(450);
    for (const attitude of ATTITUDES) {
      expect(await db().clientProfile.count({ where: { attitude } })).toBe(150);
    }
    expect(progress.at(-1)).toMatchObject({ done: 450, total: 450, phase: "profiles" });
  });

  it("stores the parsed form, the key and the techniques as given", async () => {
    const record = seeds[0];
    const profile = await db().clientProfile.findUniqueOrThrow({
      where: { externalKey: magnetProfileKey(record.AI_client.intake_form, record.AI_client.attitude) },
    });
    expect(profile).toMatchObject({
      source: "imported",
      name: "Laura Saunders",
      age: 45,
      attitude: "positive",
      intakeText: record.AI_client.intake_form,
      referenceTechniques: record.ground_truth_CBT,
    });
    expect(await db().clientProfile.count({ where: { referenceTechniques: { isEmpty: true } } })).toBe(
      seeds.filter((seed) => seed.ground_truth_CBT.length === 0).length,
    );
  });

  it("skips every record on a second import", async () => {
    const summary = await importPath(seedFile);
    expect(summary).toEqual({ imported: 0, skipped: 450, failed: 0, errors: [], errorsNotListed: 0 });
    expect(await db().clientProfile.count()).toBe(450);
  });
});

describe("importing the MAGneT sessions", () => {
  it("creates 400 sessions of 20 rounds, linked to the imported profiles", async () => {
    const summary = await importPath(sessionsDir);
    expect(summary).toEqual({ imported: 400, skipped: 0, failed: 0, errors: [], errorsNotListed: 0 });
    expect(await db().clientProfile.count()).toBe(450);
    const sessions = await db().session.findMany({
      select: {
        roundCount: true,
        source: true,
        status: true,
        variant: true,
        _count: { select: { rounds: true } },
      },
    });
    expect(sessions).toHaveLength(400);
    for (const session of sessions) {
      expect(session).toMatchObject({
        roundCount: 20,
        source: "imported",
        status: "completed",
        variant: "magnet",
      });
      expect(session._count.rounds).toBe(20);
    }
    expect(await db().round.count()).toBe(8000);
    const numbers = await db().session.findMany({ select: { sessionNumber: true } });
    expect(new Set(numbers.map((session) => session.sessionNumber)).size).toBe(400);
  });

  it("links session_1 to the profile of its seed record, with the opening and the planner's answer", async () => {
    const file = JSON.parse(readFileSync(path.join(sessionsDir, "session_1.json"), "utf8"));
    const session = await db().session.findFirstOrThrow({
      where: { sessionNumber: 1, variant: "magnet" },
      include: { profile: true, rounds: { orderBy: { index: "asc" } } },
    });
    expect(session.profile.externalKey).toBe(
      magnetProfileKey(file.AI_client.intake_form, file.AI_client.attitude),
    );
    expect(session).toMatchObject({
      config: { importedFrom: "session_1.json", format: "published" },
      externalKey: expect.stringMatching(/^import:magnet:[0-9a-f]{32}$/),
      cost: null,
      groundTruthCbt: session.profile.referenceTechniques,
      technique: "Decatastrophizing",
      techniqueRaw: file.cbt_technique,
      plan: file.cbt_plan,
      openingCounselor: file.dialogue[0].message,
      openingClient: file.dialogue[1].message,
    });
    expect(session.rounds.map((round) => round.index)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(session.rounds[0].counselorReply).toBe(file.dialogue[2].message);
    expect(session.rounds[19].clientReply).toBe(file.dialogue[41].message);
  });

  it("skips sessions already imported, also from an upload", async () => {
    expect(await importPath(sessionsDir)).toMatchObject({ imported: 0, skipped: 400, failed: 0 });
    const text = readFileSync(path.join(sessionsDir, "session_12.json"), "utf8");
    expect(await importUploadedFiles({ name: "session_12.json", text })).toMatchObject({
      imported: 0,
      skipped: 1,
    });
    expect(await db().session.count()).toBe(400);
  });
});

describe("sample profiles", () => {
  it("seeds the samples once, however often it runs", async () => {
    expect(await seedSampleProfiles()).toEqual({ created: SAMPLE_PROFILES.length, updated: 0 });
    expect(await seedSampleProfiles()).toEqual({ created: 0, updated: SAMPLE_PROFILES.length });
    expect(await db().clientProfile.count({ where: { source: "sample" } })).toBe(SAMPLE_PROFILES.length);
  });
});

describe("listProfiles", () => {
  const total = 450 + SAMPLE_PROFILES.length;

  it("pages through every profile", async () => {
    const first = await listProfiles({ pageSize: 10 });
    const second = await listProfiles({ page: 2, pageSize: 10 });
    expect(first.total).toBe(total);
    expect(first.items).toHaveLength(10);
    expect(second).toMatchObject({ page: 2, pageSize: 10, total });
    const ids = new Set([...first.items, ...second.items].map((item) => item.id));
    expect(ids.size).toBe(20);
    expect((await listProfiles()).pageSize).toBe(20);
  });

  it("filters by attitude and source", async () => {
    expect((await listProfiles({ attitude: "negative", source: "imported" })).total).toBe(150);
    const samples = SAMPLE_PROFILES.filter((sample) => sample.attitude === "negative").length;
    expect((await listProfiles({ attitude: "negative", source: "sample" })).total).toBe(samples);
    expect((await listProfiles({ source: "sample" })).total).toBe(SAMPLE_PROFILES.length);
  });

  it("filters by reference technique, including ones outside the 12", async () => {
    const named = (technique: string) =>
      seeds.filter((seed) => seed.ground_truth_CBT.includes(technique)).length +
      SAMPLE_PROFILES.filter((sample) => (sample.referenceTechniques as string[]).includes(technique)).length;
    expect((await listProfiles({ technique: "Alternative Perspective" })).total).toBe(
      named("Alternative Perspective"),
    );
    expect((await listProfiles({ technique: "Role-playing and Simulation" })).total).toBe(3);
  });

  it("searches name, problem, reason and occupation without regard to case", async () => {
    const laura = await listProfiles({ search: "laura SAUNDERS" });
    expect(laura.total).toBe(3);
    expect(laura.items.map((item) => item.attitude).sort()).toEqual(["negative", "neutral", "positive"]);
    expect((await listProfiles({ search: "city bus driver" })).items.map((item) => item.name)).toEqual([
      "Tomasz Wierzbicki",
    ]);
    expect((await listProfiles({ search: "ring road", source: "sample" })).total).toBe(1);
    expect((await listProfiles({ search: "no such words anywhere" })).total).toBe(0);
  });

  it("counts each profile's sessions", async () => {
    const laura = await listProfiles({ search: "Laura Saunders", attitude: "positive" });
    expect(laura.items[0].sessionCount).toBe(1);
  });

  it("rejects a bad query, naming the field", async () => {
    await expect(listProfiles({ pageSize: 1000 })).rejects.toThrow(/pageSize/);
  });
});

describe("getProfileById", () => {
  it("returns the profile with its session count and latest sessions", async () => {
    const key = magnetProfileKey(seeds[0].AI_client.intake_form, seeds[0].AI_client.attitude);
    const { id } = await db().clientProfile.findUniqueOrThrow({ where: { externalKey: key } });
    const profile = await getProfileById({ id });
    expect(profile).toMatchObject({ name: "Laura Saunders", sessionCount: 1 });
    expect(profile.recentSessions).toHaveLength(1);
    expect(profile.recentSessions[0]).toMatchObject({
      roundCount: 20,
      status: "completed",
      technique: "Decatastrophizing",
      sessionNumber: 1,
    });
  });

  it("says when the profile does not exist", async () => {
    await expect(getProfileById({ id: "nope" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("broken records", () => {
  // New people (renamed), so these records are not already in the database.
  const renamed = (index: number, name: string) => {
    const record = structuredClone(seeds[index]);
    const original = record.AI_client.intake_form.match(/Name:\n(.*)/)?.[1] ?? "";
    record.AI_client.intake_form = record.AI_client.intake_form.replace(original, name);
    return record;
  };

  it("imports the rest of a seed file and names the broken record by index", async () => {
    const broken = renamed(3, "Broken Record");
    broken.AI_client.intake_form = broken.AI_client.intake_form.replace(
      "3. Reason for Seeking Counseling",
      "3. Notes",
    );
    const wrongAttitude = renamed(4, "Wrong Attitude");
    wrongAttitude.AI_client.attitude = "cheerful";
    const file = path.join(tempDir, "partly-broken.json");
    writeFileSync(
      file,
      JSON.stringify([renamed(1, "First Newcomer"), broken, renamed(2, "Second Newcomer"), wrongAttitude]),
    );

    const summary = await importPath(file);
    expect(summary).toMatchObject({ imported: 2, skipped: 0, failed: 2 });
    expect(summary.errors).toEqual([
      { record: "index 1", file: "partly-broken.json", reason: expect.stringMatching(/reasonForCounseling/) },
      {
        record: "index 3",
        file: "partly-broken.json",
        reason: expect.stringMatching(/^AI_client\.attitude: /),
      },
    ]);
    expect((await listProfiles({ search: "Newcomer" })).total).toBe(2);
  });

  it("imports the other session files of a directory and names the broken file", async () => {
    const dir = mkdtempSync(path.join(tempDir, "sessions-"));
    const session = JSON.parse(readFileSync(path.join(sessionsDir, "session_1.json"), "utf8"));
    const changed = structuredClone(session);
    changed.dialogue[2].message = "A different first question, so this is not session_1 again.";
    writeFileSync(path.join(dir, "session_9001.json"), JSON.stringify(changed));
    const outOfTurn = structuredClone(session);
    outOfTurn.dialogue[4].role = "client";
    writeFileSync(path.join(dir, "session_9002.json"), JSON.stringify(outOfTurn));
    writeFileSync(path.join(dir, "session_9003.json"), "{ this is not JSON");
    const ended = structuredClone(session);
    ended.dialogue = ended.dialogue.slice(0, 10);
    ended.dialogue[9].message = "I need to stop here. [/END]";
    writeFileSync(path.join(dir, "session_9004.json"), JSON.stringify(ended));

    const summary = await importPath(dir);
    expect(summary).toMatchObject({ imported: 2, skipped: 0, failed: 2 });
    expect(summary.errors.map((error) => [error.record, error.reason])).toEqual([
      ["session_9003.json", expect.stringMatching(/not valid JSON/)],
      ["session_9002.json", expect.stringMatching(/^dialogue\.4\.role/)],
    ]);
    const endedSession = await db().session.findFirstOrThrow({
      where: { sessionNumber: 9004 },
      include: { rounds: { orderBy: { index: "asc" } } },
    });
    expect(endedSession).toMatchObject({ status: "ended_by_client", roundCount: 4 });
    expect(endedSession.rounds.at(-1)?.endedByClient).toBe(true);
  });

  it("creates the profile of a session whose seed record was never imported", async () => {
    const session = JSON.parse(readFileSync(path.join(sessionsDir, "session_2.json"), "utf8"));
    session.AI_client.intake_form = session.AI_client.intake_form.replace(
      /Name:\n.*/,
      "Name:\nOnly In A Session",
    );
    const summary = await importUploadedFiles([{ name: "session_9100.json", text: JSON.stringify(session) }]);
    expect(summary).toMatchObject({ imported: 1, failed: 0 });
    const profile = await db().clientProfile.findUniqueOrThrow({
      where: { externalKey: magnetProfileKey(session.AI_client.intake_form, session.AI_client.attitude) },
      include: { _count: { select: { sessions: true } } },
    });
    expect(profile).toMatchObject({ name: "Only In A Session", source: "imported", referenceTechniques: [] });
    expect(profile._count.sessions).toBe(1);
  });
});

describe("records the database refuses", () => {
  const renamedRecord = (index: number, name: string) => {
    const record = structuredClone(seeds[index]);
    record.AI_client.intake_form = record.AI_client.intake_form.replace(/Name:\n.*/, `Name:\n${name}`);
    return record;
  };

  it("names a field holding a NUL character, which PostgreSQL cannot store", async () => {
    const file = path.join(tempDir, "nul.json");
    writeFileSync(file, JSON.stringify([renamedRecord(5, "Clean Name"), renamedRecord(6, "Nul\u0000Byte")]));
    const summary = await importPath(file);
    expect(summary).toMatchObject({ imported: 1, failed: 1 });
    expect(summary.errors[0]).toMatchObject({
      record: "index 1",
      reason: expect.stringMatching(/^AI_client\.intake_form: .*NUL/),
    });
  });

  it("retries a refused batch of profiles one by one", async () => {
    const profiles = getDb().clientProfile;
    const createMany = vi.spyOn(profiles, "createMany").mockRejectedValueOnce(new Error("batch refused"));
    try {
      const file = path.join(tempDir, "retry.json");
      writeFileSync(file, JSON.stringify([renamedRecord(7, "Retry One"), renamedRecord(8, "Retry Two")]));
      expect(await importPath(file)).toMatchObject({ imported: 2, failed: 0 });
      expect(createMany).toHaveBeenCalledTimes(3);
    } finally {
      createMany.mockRestore();
    }
  });

  it("retries a refused batch of sessions one session per transaction", async () => {
    const transaction = vi.spyOn(getDb(), "$transaction").mockRejectedValueOnce(new Error("batch refused"));
    try {
      const dir = mkdtempSync(path.join(tempDir, "retry-sessions-"));
      const session = JSON.parse(readFileSync(path.join(sessionsDir, "session_3.json"), "utf8"));
      for (const number of [9201, 9202]) {
        session.dialogue[3].message = `An answer only session ${number} has.`;
        writeFileSync(path.join(dir, `session_${number}.json`), JSON.stringify(session));
      }
      expect(await importPath(dir)).toMatchObject({ imported: 2, failed: 0 });
      expect(transaction).toHaveBeenCalledTimes(1);
      expect(
        await db().round.count({
          where: { session: { sessionNumber: { in: [9201, 9202] } } },
        }),
      ).toBe(40);
    } finally {
      transaction.mockRestore();
    }
  });
});
