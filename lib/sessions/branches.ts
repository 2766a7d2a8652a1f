import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { type BranchNode, sharedRounds } from "./branch-tree";

const NODE_SELECT = {
  id: true,
  parentId: true,
  forkRound: true,
  status: true,
  awaiting: true,
  roundCount: true,
  createdAt: true,
} as const;

/** Every session of the fork tree `id` belongs to: its ancestors up to the root, and all their forks. */
export async function listBranchNodesBySessionId({ id }: { id: string }): Promise<BranchNode[]> {
  const db = getDb();
  let rootId = id;
  const seen = new Set<string>();
  for (;;) {
    const row = await db.session.findUnique({ where: { id: rootId }, select: { parentId: true } });
    if (!row) throw notFound("Session", rootId);
    seen.add(rootId);
    if (!row.parentId || seen.has(row.parentId)) break;
    rootId = row.parentId;
  }
  const nodes: BranchNode[] = [];
  let level = [rootId];
  while (level.length) {
    const rows = await db.session.findMany({
      where: { id: { in: level } },
      select: NODE_SELECT,
    });
    nodes.push(...rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })));
    const children = await db.session.findMany({ where: { parentId: { in: level } }, select: { id: true } });
    level = children.map((child) => child.id).filter((child) => !nodes.some((node) => node.id === child));
  }
  return nodes;
}

const roundSelect = {
  index: true,
  counselorReply: true,
  clientReply: true,
  endedByClient: true,
  selectedTechniques: true,
};

/** Two branches of one tree from their fork point on: the rounds each played after the shared ones. */
export async function getBranchComparisonById({ id, withId }: { id: string; withId: string }) {
  const nodes = await listBranchNodesBySessionId({ id });
  const shared = sharedRounds(nodes, id, withId);
  if (shared === null) {
    throw new AppError("validation", `Session ${withId} is not a branch of session ${id}`, [
      { field: "with", message: "not in the same fork tree" },
    ]);
  }
  const [left, right] = await Promise.all(
    [id, withId].map((sessionId) =>
      getDb().session.findUniqueOrThrow({
        where: { id: sessionId },
        select: {
          id: true,
          status: true,
          forkRound: true,
          config: true,
          rounds: { where: { index: { gt: shared } }, orderBy: { index: "asc" }, select: roundSelect },
        },
      }),
    ),
  );
  return { shared, left, right };
}

export type BranchComparison = Awaited<ReturnType<typeof getBranchComparisonById>>;
