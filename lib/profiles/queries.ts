import "server-only";
import { getDb, type Prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { sampleProfileInputs } from "./samples";
import {
  type ProfileDetail,
  type ProfileInput,
  type ProfileListQueryInput,
  type ProfileListResponse,
  profileInputSchema,
  profileListQuerySchema,
} from "./schema";
import { parseOrThrow } from "./validation";

const RECENT_SESSIONS = 5;

const summarySelect = {
  id: true,
  externalKey: true,
  source: true,
  name: true,
  age: true,
  gender: true,
  occupation: true,
  presentingProblem: true,
  reasonForCounseling: true,
  attitude: true,
  referenceTechniques: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { sessions: true } },
} satisfies Prisma.ClientProfileSelect;

/** Creates the profile, or rewrites the one with the same external key. */
export async function upsertProfileByExternalKey({
  externalKey,
  profile,
}: {
  externalKey: string;
  profile: ProfileInput;
}) {
  const data = parseOrThrow(profileInputSchema, { ...profile, externalKey }, "Invalid profile");
  return getDb().clientProfile.upsert({
    where: { externalKey },
    create: data,
    update: data,
  });
}

export async function listProfiles(query: ProfileListQueryInput = {}): Promise<ProfileListResponse> {
  const { search, attitude, technique, source, page, pageSize } = parseOrThrow(
    profileListQuerySchema,
    query,
    "Invalid profile query",
  );
  const where: Prisma.ClientProfileWhereInput = {
    ...(attitude && { attitude }),
    ...(source && { source }),
    ...(technique && { referenceTechniques: { has: technique } }),
    ...(search && { OR: searchConditions(search) }),
  };
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.clientProfile.findMany({
      where,
      select: summarySelect,
      orderBy: [{ name: "asc" }, { attitude: "asc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.clientProfile.count({ where }),
  ]);
  return { items: rows.map(withSessionCount), total, page, pageSize };
}

export async function getProfileById({ id }: { id: string }): Promise<ProfileDetail> {
  const profile = await getDb().clientProfile.findUnique({
    where: { id },
    include: {
      _count: { select: { sessions: true } },
      sessions: {
        orderBy: { createdAt: "desc" },
        take: RECENT_SESSIONS,
        select: {
          id: true,
          variant: true,
          status: true,
          awaiting: true,
          source: true,
          technique: true,
          roundCount: true,
          sessionNumber: true,
          createdAt: true,
        },
      },
    },
  });
  if (!profile) throw notFound("Client profile", id);
  const { _count, sessions, ...rest } = profile;
  return { ...rest, sessionCount: _count.sessions, recentSessions: sessions };
}

/** Writes the built-in sample profiles; running it again changes nothing but their text. */
export async function seedSampleProfiles(): Promise<{ created: number; updated: number }> {
  const samples = sampleProfileInputs();
  const keys = samples.map((sample) => sample.externalKey as string);
  const db = getDb();
  const existing = await db.clientProfile.findMany({
    where: { externalKey: { in: keys } },
    select: { externalKey: true },
  });
  await db.$transaction(
    samples.map((data) =>
      db.clientProfile.upsert({
        where: { externalKey: data.externalKey as string },
        create: data,
        update: data,
      }),
    ),
  );
  return { created: samples.length - existing.length, updated: existing.length };
}

function searchConditions(search: string): Prisma.ClientProfileWhereInput[] {
  const contains = { contains: search, mode: "insensitive" } as const;
  return [
    { name: contains },
    { presentingProblem: contains },
    { reasonForCounseling: contains },
    { occupation: contains },
  ];
}

function withSessionCount<T extends { _count: { sessions: number } }>(row: T) {
  const { _count, ...rest } = row;
  return { ...rest, sessionCount: _count.sessions };
}
