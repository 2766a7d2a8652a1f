import "server-only";
import { Prisma } from "@/lib/db/client";
import type { AppError } from "@/lib/errors";
import type { SavedAnnotation } from "./schema";

/** What a save reads back of the row it wrote. */
export const VERSION = { version: true, updatedAt: true } as const;

interface VersionedRow {
  version: number;
  updatedAt: Date;
}

/**
 * Saves one person's versioned row by compare-and-set: base version 0 creates it (a duplicate key
 * means another save got there first), any other version updates it only while that is still the
 * stored version, in one statement, so of two saves based on the same version exactly one wins.
 * The loser gets `stale()`.
 */
export async function compareAndSet({
  baseVersion,
  create,
  updateIfAt,
  read,
  stale,
}: {
  baseVersion: number;
  create: () => Promise<VersionedRow>;
  /** An updateMany of the row where its version is `baseVersion`, incrementing the version. */
  updateIfAt: (baseVersion: number) => Promise<{ count: number }>;
  read: () => Promise<VersionedRow>;
  stale: () => AppError;
}): Promise<SavedAnnotation> {
  if (baseVersion === 0) {
    try {
      return savedOf(await create());
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw stale();
      throw error;
    }
  }
  const { count } = await updateIfAt(baseVersion);
  if (count === 0) throw stale();
  return savedOf(await read());
}

function savedOf(row: VersionedRow): SavedAnnotation {
  return { version: row.version, updatedAt: row.updatedAt.toISOString() };
}
