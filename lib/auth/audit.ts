import "server-only";
import { getDb, type Prisma } from "@/lib/db/client";

import type { AuditAction, AuditTargetType } from "./schema";

export type { AuditAction } from "./schema";

export interface AuditRecord {
  /** Null when the studio acted by itself (first-run account, the CLI). */
  actorId: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  detail?: Prisma.InputJsonObject;
}

export async function recordAudit(record: AuditRecord): Promise<void> {
  await getDb().auditEntry.create({ data: record });
}

export interface AuditEntryView {
  id: string;
  at: Date;
  actor: string | null;
  action: string;
  targetType: string;
  targetId: string;
  detail: Prisma.JsonValue;
}

export async function listAuditEntries(limit = 200): Promise<AuditEntryView[]> {
  const entries = await getDb().auditEntry.findMany({
    orderBy: { at: "desc" },
    take: limit,
    include: { actor: { select: { email: true } } },
  });
  return entries.map(({ actor, actorId: _, ...entry }) => ({ ...entry, actor: actor?.email ?? null }));
}
