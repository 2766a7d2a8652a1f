import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

// The one Prisma client of the process. Created on first use so that CLIs and tests can set
// DATABASE_URL before anything touches the database.
const globalForDb = globalThis as unknown as { magnetDb?: PrismaClient };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set: run `npm run studio`, or set it in .env");
  }
  return url;
}

export function getDb(): PrismaClient {
  if (!globalForDb.magnetDb) {
    globalForDb.magnetDb = new PrismaClient({
      adapter: new PrismaPg({ connectionString: databaseUrl() }),
    });
  }
  return globalForDb.magnetDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.magnetDb?.$disconnect();
  globalForDb.magnetDb = undefined;
}

export { Prisma } from "./generated/client";
export type { PrismaClient };
