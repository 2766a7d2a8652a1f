import "server-only";
import { z } from "zod";
import { getDb, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  buildSessionConfig,
  type ProfileSnapshot,
  profileSnapshotSchema,
  type SessionConfig,
  type SessionConfigOverrides,
  sessionConfigSchema,
  type Variant,
  variantSchema,
} from "@/lib/pipeline";
import { ensureBuiltinPromptVersions, getActivePromptSet } from "@/lib/prompts/versions";
import { type AgentKind, isProviderConfigured, listAvailableModels, type ModelRef } from "@/lib/providers";
import type { CreateSessionRequest } from "./schema";

/** 2: agents see the method's inputs (prompts v2) and the config holds the switches. */
export const SNAPSHOT_VERSION = 2;

/**
 * What Session.config holds for a generated session: everything the engine runs with, frozen at
 * creation, so that later edits to prompts, defaults or the profile do not change the run.
 */
export type SessionSnapshot = SessionConfig & {
  snapshotVersion: typeof SNAPSHOT_VERSION;
  variant: Variant;
  profile: ProfileSnapshot;
};

export interface RunnableSnapshot {
  config: SessionConfig;
  profile: ProfileSnapshot;
}

const snapshotFrameSchema = z.object({
  snapshotVersion: z.literal(SNAPSHOT_VERSION, {
    error: `was written by an earlier version of the studio, whose agents saw other inputs; create a new session (expected ${SNAPSHOT_VERSION})`,
  }),
  variant: variantSchema,
  profile: profileSnapshotSchema,
});

export interface CreateSessionInput {
  profileId: string;
  variant: Variant;
  overrides?: SessionConfigOverrides;
  /** A follow-up session: the session it follows and the summary of it its agents get. */
  followUp?: { of: string; summary: string; originalSummary: string };
}

/** A draft session for the profile, with the config and the profile frozen in its snapshot. */
export async function createSession(input: CreateSessionInput) {
  return getDb().session.create({ data: await draftSessionData(input) });
}

/**
 * The row of a new draft session, written by the caller (createSession, or an experiment in its own
 * transaction). Only reads, besides making sure the built-in prompt versions have their rows.
 */
export async function draftSessionData({
  profileId,
  variant,
  overrides = {},
  followUp,
}: CreateSessionInput): Promise<Prisma.SessionUncheckedCreateInput> {
  const profile = await getProfileSnapshotById({ id: profileId });
  assertModelsConfigured(overrides.models);
  // The active prompt versions are frozen with the rest.
  const prompts = { ...(await getActivePromptSet()), ...overrides.prompts };
  const config = buildSessionConfig({ ...overrides, prompts });
  const snapshot: SessionSnapshot = {
    snapshotVersion: SNAPSHOT_VERSION,
    variant,
    ...config,
    ...(followUp ? { previousSession: followUp.summary } : {}),
    profile,
  };
  parseSessionSnapshot(snapshot, "the new session");
  // Rows for the built-in templates, so that stored calls link to the version they used.
  await ensureBuiltinPromptVersions();
  return {
    profileId,
    variant,
    config: snapshot as unknown as Prisma.InputJsonObject,
    status: "draft",
    source: "generated",
    maxRounds: config.maxRounds,
    openingCounselor: profile.openingCounselor,
    openingClient: profile.openingClient,
    ...(followUp ? { followUpOfId: followUp.of, originalSummary: followUp.originalSummary } : {}),
  };
}

/** createSession for a parsed createSessionRequestSchema body; its models must be ones we offer. */
export async function createSessionFromRequest(request: CreateSessionRequest) {
  const { profileId, variant, models, maxRounds, minRoundsBeforeEnd, switches } = request;
  assertModelsOffered(models);
  return createSession({
    profileId,
    variant,
    overrides: { models, maxRounds, minRoundsBeforeEnd, switches },
  });
}

/** The engine's config and profile from a stored snapshot; AppError("unprocessable") naming the field. */
export function parseSessionSnapshot(json: unknown, what: string): RunnableSnapshot {
  const frame = snapshotFrameSchema.safeParse(json);
  const config = sessionConfigSchema.safeParse(json);
  if (!frame.success || !config.success) {
    const issues = [...(frame.error?.issues ?? []), ...(config.error?.issues ?? [])].map((issue) => ({
      field: ["config", ...issue.path.map(String)].join("."),
      message: issue.message,
    }));
    throw new AppError("unprocessable", `The config of ${what} cannot be run: ${issues[0]?.field}`, issues);
  }
  return { config: config.data, profile: frame.data.profile };
}

async function getProfileSnapshotById({ id }: { id: string }): Promise<ProfileSnapshot> {
  const profile = await getDb().clientProfile.findUnique({
    where: { id },
    select: {
      clientInformation: true,
      reasonForCounseling: true,
      intakeText: true,
      attitude: true,
      attitudeInstruction: true,
      openingCounselor: true,
      openingClient: true,
    },
  });
  if (!profile) {
    throw new AppError("not_found", `Client profile ${id} was not found`, [
      { field: "profileId", message: "not found" },
    ]);
  }
  return profile;
}

/** An override naming an unconfigured provider would only fail at the first call; refuse it now. */
function assertModelsConfigured(models: Partial<Record<AgentKind, ModelRef>> = {}): void {
  const issues = Object.entries(models)
    .filter(([, ref]) => ref && !isProviderConfigured(ref.provider))
    .map(([agent, ref]) => ({
      field: `models.${agent}`,
      message: `provider ${ref?.provider} is not configured`,
    }));
  if (issues.length) throw new AppError("validation", `Unusable model for ${issues[0].field}`, issues);
}

/**
 * A request may only name models the configured providers offer (the New session form's list): an
 * arbitrary id would spend someone's API key on a model nobody chose. The simulator plays any name.
 */
export function assertModelsOffered(models: Partial<Record<AgentKind, ModelRef>> = {}): void {
  const offered = new Set(listAvailableModels().map((m) => `${m.provider} ${m.modelId}`));
  const issues = Object.entries(models)
    .filter(([, ref]) => ref && ref.provider !== "offline" && !offered.has(`${ref.provider} ${ref.modelId}`))
    .map(([agent, ref]) => ({
      field: `models.${agent}.modelId`,
      message: `${ref?.modelId} is not offered by provider ${ref?.provider}`,
    }));
  if (issues.length) throw new AppError("validation", `Unknown model for ${issues[0].field}`, issues);
}

export interface ProfileSelection {
  /** Profile ids, or every profile. */
  ids: string[] | "all";
  attitude?: "positive" | "neutral" | "negative";
  limit?: number;
}

/** The profiles a batch creates sessions for, in the list's order; unknown ids are an error naming them. */
export async function listProfilesBySelection({ ids, attitude, limit }: ProfileSelection) {
  if (ids !== "all") await assertProfilesExist(ids);
  return getDb().clientProfile.findMany({
    where: { ...(ids !== "all" && { id: { in: ids } }), ...(attitude && { attitude }) },
    select: { id: true, name: true, attitude: true },
    orderBy: [{ name: "asc" }, { attitude: "asc" }, { id: "asc" }],
    take: limit,
  });
}

async function assertProfilesExist(ids: string[]): Promise<void> {
  const rows = await getDb().clientProfile.findMany({ where: { id: { in: ids } }, select: { id: true } });
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) {
    throw new AppError("not_found", `No client profile with id ${missing.join(", ")}`, [
      { field: "profiles", message: `not found: ${missing.join(", ")}` },
    ]);
  }
}
