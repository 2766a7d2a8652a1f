import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { buildSessionConfig, profileSnapshotSchema, sessionConfigSchema } from "@/lib/pipeline";
import { seedSampleProfiles } from "@/lib/profiles/queries";
import { PROVIDERS } from "@/lib/providers";
import { AGENT_KINDS } from "@/lib/providers/env";
import { describeSessionModels } from "./config";
import {
  createSession,
  createSessionFromRequest,
  listProfilesBySelection,
  parseSessionSnapshot,
} from "./create";
import { createSessionRequestSchema, MODEL_PROVIDERS, SESSION_AGENTS } from "./schema";

let profileId = "";
beforeAll(async () => {
  for (const name of ["OPENAI_API_KEY", "LLM_BASE_URL"]) delete process.env[name];
  await seedSampleProfiles();
  profileId = (await getDb().clientProfile.findFirstOrThrow({ orderBy: { name: "asc" } })).id;
});

describe("createSession", () => {
  it("freezes the full config and the profile in a draft session", async () => {
    const session = await createSession({ profileId, variant: "no_selector", overrides: { maxRounds: 7 } });
    const profile = await getDb().clientProfile.findUniqueOrThrow({ where: { id: profileId } });
    expect(session).toMatchObject({
      status: "draft",
      source: "generated",
      variant: "no_selector",
      maxRounds: 7,
      roundCount: 0,
      openingCounselor: profile.openingCounselor,
      openingClient: profile.openingClient,
    });
    const config = session.config as Record<string, unknown>;
    expect(config).toMatchObject({ snapshotVersion: 2, variant: "no_selector", maxRounds: 7 });
    expect(sessionConfigSchema.parse(config)).toEqual(buildSessionConfig({ maxRounds: 7 }));
    expect(profileSnapshotSchema.parse(config.profile)).toEqual({
      clientInformation: profile.clientInformation,
      reasonForCounseling: profile.reasonForCounseling,
      intakeText: profile.intakeText,
      attitude: profile.attitude,
      attitudeInstruction: profile.attitudeInstruction,
      openingCounselor: profile.openingCounselor,
      openingClient: profile.openingClient,
    });

    // Editing the profile later does not change the session's snapshot.
    await getDb().clientProfile.update({ where: { id: profileId }, data: { intakeText: "edited" } });
    const stored = await getDb().session.findUniqueOrThrow({ where: { id: session.id } });
    expect((stored.config as { profile: { intakeText: string } }).profile.intakeText).toBe(
      profile.intakeText,
    );
    await getDb().clientProfile.update({
      where: { id: profileId },
      data: { intakeText: profile.intakeText },
    });
  });

  it("names the field at fault", async () => {
    const missing = await createSession({ profileId: "nope", variant: "magnet" }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(AppError);
    expect(missing).toMatchObject({ code: "not_found", issues: [{ field: "profileId" }] });

    const openai = { provider: "openai" as const, modelId: "gpt-4o" };
    const unconfigured = await createSession({
      profileId,
      variant: "magnet",
      overrides: { models: { selector: openai } },
    }).catch((e: unknown) => e);
    expect(unconfigured).toMatchObject({ code: "validation", issues: [{ field: "models.selector" }] });

    const tooLong = await createSession({ profileId, variant: "magnet", overrides: { maxRounds: 0 } }).catch(
      (e: unknown) => e,
    );
    expect(tooLong).toMatchObject({ code: "unprocessable", issues: [{ field: "config.maxRounds" }] });
  });

  it("takes a parsed request", async () => {
    const request = createSessionRequestSchema.parse({
      profileId,
      variant: "magnet",
      models: { client: { provider: "offline", modelId: "fast" } },
      maxRounds: 3,
      minRoundsBeforeEnd: 2,
      switches: { shortAnswers: true },
    });
    const session = await createSessionFromRequest(request);
    expect(session.config).toMatchObject({
      maxRounds: 3,
      minRoundsBeforeEnd: 2,
      switches: { fuseSelectedOnly: false, shortAnswers: true },
      agents: { client: { model: { provider: "offline", modelId: "fast" } } },
    });
    expect(describeSessionModels(session.config)).toBe("offline-simulator, fast");
  });
});

describe("parseSessionSnapshot", () => {
  it("refuses a snapshot of the first version, whose agents saw other inputs, naming why", async () => {
    const session = await createSession({ profileId, variant: "magnet" });
    const old = { ...z.record(z.string(), z.unknown()).parse(session.config), snapshotVersion: 1 };
    expect(() => parseSessionSnapshot(old, "session x")).toThrowError(
      expect.objectContaining({
        code: "unprocessable",
        issues: [
          expect.objectContaining({
            field: "config.snapshotVersion",
            message: expect.stringMatching(/earlier version/),
          }),
        ],
      }),
    );
    expect(parseSessionSnapshot(session.config, "session x").config.switches).toEqual({
      fuseSelectedOnly: false,
      shortAnswers: false,
    });
  });
});

describe("createSessionRequestSchema", () => {
  const valid = { profileId: "p1", variant: "magnet" };

  it("accepts the minimum and the documented limits", () => {
    expect(createSessionRequestSchema.parse(valid)).toEqual(valid);
    expect(
      createSessionRequestSchema.parse({ ...valid, maxRounds: 40, minRoundsBeforeEnd: 40 }),
    ).toBeTruthy();
  });

  it("names the field of a bad request", () => {
    const fieldsOf = (body: unknown) =>
      createSessionRequestSchema.safeParse(body).error?.issues.map((i) => i.path.join("."));
    expect(fieldsOf({ ...valid, maxRounds: 41 })).toEqual(["maxRounds"]);
    expect(fieldsOf({ ...valid, maxRounds: 0 })).toEqual(["maxRounds"]);
    expect(fieldsOf({ ...valid, maxRounds: 5, minRoundsBeforeEnd: 6 })).toEqual(["minRoundsBeforeEnd"]);
    expect(fieldsOf({ ...valid, variant: "other" })).toEqual(["variant"]);
    expect(fieldsOf({ ...valid, profileId: "" })).toEqual(["profileId"]);
    expect(fieldsOf({ ...valid, models: { boss: { provider: "offline", modelId: "m" } } })).toEqual([
      "models",
    ]);
    expect(fieldsOf({ ...valid, models: { client: { provider: "x", modelId: "m" } } })).toEqual([
      "models.client.provider",
    ]);
    expect(fieldsOf({ ...valid, extra: 1 })).toEqual([""]);
    expect(fieldsOf({ ...valid, switches: { fuseSelectedOnly: "yes" } })).toEqual([
      "switches.fuseSelectedOnly",
    ]);
    expect(fieldsOf({ ...valid, switches: { betterPrompts: true } })).toEqual(["switches"]);
  });

  it("mirrors the provider registry's agents and providers", () => {
    expect([...SESSION_AGENTS]).toEqual([...AGENT_KINDS]);
    expect([...MODEL_PROVIDERS]).toEqual([...PROVIDERS]);
  });
});

describe("listProfilesBySelection", () => {
  it("selects by ids or all, by attitude, up to a limit", async () => {
    const all = await listProfilesBySelection({ ids: "all" });
    expect(all).toHaveLength(12);
    const negative = await listProfilesBySelection({ ids: "all", attitude: "negative", limit: 2 });
    expect(negative.map((p) => p.attitude)).toEqual(["negative", "negative"]);
    expect(await listProfilesBySelection({ ids: [all[1].id, all[0].id] })).toEqual([all[0], all[1]]);
    await expect(listProfilesBySelection({ ids: [all[0].id, "nope"] })).rejects.toMatchObject({
      code: "not_found",
      issues: [{ field: "profiles" }],
    });
  });
});
