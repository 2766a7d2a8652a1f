import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { getDb, Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { type AuditAction, recordAudit } from "./audit";
import type { Role } from "./roles";

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  deactivatedAt: Date | null;
  createdAt: Date;
}

const USER_FIELDS = {
  id: true,
  email: true,
  name: true,
  role: true,
  deactivatedAt: true,
  createdAt: true,
} as const;

/** A password to hand out once: 144 random bits. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

export interface NewUser {
  email: string;
  name?: string;
  role: Role;
  /** Generated when absent; either way it is returned once and only its hash is kept. */
  password?: string;
}

/**
 * An account that signs in with email + password. The hash is Better Auth's own (scrypt), in the
 * credential account Better Auth reads at sign-in.
 */
export async function createUser(
  input: NewUser,
  actorId: string | null,
): Promise<{ user: UserView; password: string }> {
  const email = input.email.trim().toLowerCase();
  const password = input.password ?? generatePassword();
  const hash = await hashPassword(password);
  try {
    const user = await getDb().$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          email,
          name: input.name?.trim() || email.split("@")[0],
          role: input.role,
          emailVerified: true,
        },
        select: USER_FIELDS,
      });
      await tx.authAccount.create({
        data: { userId: created.id, accountId: created.id, providerId: "credential", password: hash },
      });
      await tx.auditEntry.create({
        data: {
          actorId,
          // Written in the user's own transaction, so not through recordAudit: still one of its actions.
          action: "user.created" satisfies AuditAction,
          targetType: "user",
          targetId: created.id,
          detail: { email, role: input.role },
        },
      });
      return created;
    });
    return { user, password };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", `A user with the email ${email} already exists`, [
        { field: "email", message: "already taken" },
      ]);
    }
    throw error;
  }
}

export function listUsers(): Promise<UserView[]> {
  return getDb().user.findMany({ orderBy: { createdAt: "asc" }, select: USER_FIELDS });
}

export function countUsers(): Promise<number> {
  return getDb().user.count();
}

export async function getActiveUserById(id: string): Promise<UserView | null> {
  const user = await getDb().user.findUnique({ where: { id }, select: USER_FIELDS });
  return user && user.deactivatedAt === null ? user : null;
}

export interface UserChange {
  role?: Role;
  active?: boolean;
}

/** Changes a user's role or deactivates (or reactivates) it; a researcher cannot demote or lock out itself. */
export async function updateUser(id: string, change: UserChange, actorId: string): Promise<UserView> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id }, select: USER_FIELDS });
  if (!user) throw notFound("User", id);
  if (id === actorId && (change.active === false || (change.role && change.role !== user.role))) {
    throw new AppError("conflict", "You cannot change your own role or deactivate yourself", [
      { field: change.active === false ? "active" : "role", message: "not for your own account" },
    ]);
  }
  if (change.role && change.role !== user.role) {
    await db.user.update({ where: { id }, data: { role: change.role } });
    await recordAudit({
      actorId,
      action: "user.role_changed",
      targetType: "user",
      targetId: id,
      detail: { from: user.role, to: change.role },
    });
  }
  if (change.active !== undefined && change.active !== (user.deactivatedAt === null)) {
    await db.$transaction([
      db.user.update({ where: { id }, data: { deactivatedAt: change.active ? null : new Date() } }),
      // Signed-in browsers end with the account; its keys stop working through the check on use.
      db.authSession.deleteMany({ where: { userId: id } }),
    ]);
    await recordAudit({
      actorId,
      action: change.active ? "user.reactivated" : "user.deactivated",
      targetType: "user",
      targetId: id,
    });
  }
  return db.user.findUniqueOrThrow({ where: { id }, select: USER_FIELDS });
}
