import "server-only";
import { recordAudit } from "@/lib/auth/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getDb, Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { checkPromptTemplate } from "./check";
import { DEFAULT_PROMPTS, PROMPT_ROLES, type PromptSet } from "./registry";
import type { CreatePromptVersionRequest, PromptVersionItem } from "./schema";
import { type PromptRole, templateFromText, templateToText } from "./template";

const BUILT_IN = "built-in";

/** The code's templates as version rows, so stored calls link to them; existing rows are left alone. */
export async function ensureBuiltinPromptVersions(): Promise<void> {
  await getDb().promptVersion.createMany({
    data: PROMPT_ROLES.map((role) => ({
      role,
      version: DEFAULT_PROMPTS[role].version,
      template: templateToText(DEFAULT_PROMPTS[role]),
      note: DEFAULT_PROMPTS[role].note ?? "The studio's built-in template",
      author: BUILT_IN,
    })),
    skipDuplicates: true,
  });
}

/** A role's versions, newest first; with none marked active, the built-in one is. */
export async function listPromptVersionsByRole({ role }: { role: PromptRole }): Promise<PromptVersionItem[]> {
  await ensureBuiltinPromptVersions();
  const rows = await getDb().promptVersion.findMany({ where: { role }, orderBy: { version: "desc" } });
  const anyActive = rows.some((row) => row.isActive);
  return rows.map((row) => ({
    ...row,
    builtIn: row.author === BUILT_IN,
    isActive: row.isActive || (!anyActive && row.version === DEFAULT_PROMPTS[role].version),
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Who changes prompts: recorded as the version's author and in the audit log. */
type Actor = Pick<CurrentUser, "id" | "email">;

/** A new version after the role's latest, checked against the variables the role is given. */
export async function createPromptVersion(
  { role, template, note }: CreatePromptVersionRequest,
  author: Actor,
) {
  const latest = await getDb().promptVersion.aggregate({ where: { role }, _max: { version: true } });
  const version = Math.max(latest._max.version ?? 0, DEFAULT_PROMPTS[role].version) + 1;
  // Checked before anything is written: a refused version leaves the database as it was.
  const checked = checkPromptTemplate(role, version, template);
  await ensureBuiltinPromptVersions();
  try {
    const created = await getDb().promptVersion.create({
      data: { role, version, template: templateToText(checked), note: note || null, author: author.email },
      select: { id: true, role: true, version: true },
    });
    await recordAudit({
      actorId: author.id,
      action: "prompt.created",
      targetType: "prompt",
      targetId: created.id,
      detail: { role, version },
    });
    return created;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", `Someone saved ${role} v${version} at the same moment; save again`);
    }
    throw error;
  }
}

/** Marks one version the role's active one: new sessions freeze it; running ones keep theirs. */
export async function activatePromptVersion(
  { role, version }: { role: PromptRole; version: number },
  actor: Actor,
) {
  if (version === DEFAULT_PROMPTS[role].version) await ensureBuiltinPromptVersions();
  const activated = await getDb().$transaction(async (tx) => {
    const row = await tx.promptVersion.findUnique({ where: { role_version: { role, version } } });
    if (!row) throw notFound("Prompt version", `${role} v${version}`);
    await tx.promptVersion.updateMany({ where: { role, isActive: true }, data: { isActive: false } });
    await tx.promptVersion.update({ where: { id: row.id }, data: { isActive: true } });
    return { id: row.id, role, version };
  });
  await recordAudit({
    actorId: actor.id,
    action: "prompt.activated",
    targetType: "prompt",
    targetId: activated.id,
    detail: { role, version },
  });
  return { role, version };
}

/** The templates of the versions marked active, for a new session's config; roles without one keep the code's. */
export async function getActivePromptSet(): Promise<Partial<PromptSet>> {
  const rows = await getDb().promptVersion.findMany({ where: { isActive: true } });
  const set: Partial<PromptSet> = {};
  for (const row of rows) {
    const role = PROMPT_ROLES.find((r) => r === row.role);
    if (!role) continue;
    set[role] = {
      ...templateFromText(role, row.version, row.template),
      ...(row.note ? { note: row.note } : {}),
    };
  }
  return set;
}
