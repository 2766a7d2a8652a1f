// The fork tree of sessions as plain data: which rounds two branches share. Client-safe (no database).

import type { SessionAwaiting } from "@/lib/pipeline/steering";

export interface BranchNode {
  id: string;
  parentId: string | null;
  /** The parent's round after which this branch was forked; null for the root. */
  forkRound: number | null;
  status: string;
  /** What the running session waits for a person to do, if anything. */
  awaiting: SessionAwaiting | null;
  roundCount: number;
  createdAt: string;
}

export interface BranchTreeNode extends BranchNode {
  children: BranchTreeNode[];
}

/** Nodes into a tree from the root (the node without a parent among them), children oldest first. */
export function buildBranchTree(nodes: BranchNode[]): BranchTreeNode | null {
  const byId = new Map(nodes.map((node) => [node.id, { ...node, children: [] as BranchTreeNode[] }]));
  let root: BranchTreeNode | null = null;
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else root ??= node;
  }
  for (const node of byId.values()) node.children.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return root;
}

/**
 * How many rounds two branches of one tree share: every fork on the way from their common ancestor
 * to either of them keeps only the rounds up to its fork round. Null when they are not in one tree.
 */
export function sharedRounds(nodes: BranchNode[], a: string, b: string): number | null {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const pathA = ancestry(byId, a);
  const pathB = ancestry(byId, b);
  const common = pathA.find((id) => pathB.includes(id));
  if (!common) return null;
  const forks = [...pathA.slice(0, pathA.indexOf(common)), ...pathB.slice(0, pathB.indexOf(common))];
  const limits = forks.map((id) => byId.get(id)?.forkRound ?? 0);
  const commonRounds = byId.get(common)?.roundCount ?? 0;
  return Math.min(commonRounds, ...limits);
}

/** The ids from `id` up to the root, `id` first. */
function ancestry(byId: Map<string, BranchNode>, id: string): string[] {
  const path: string[] = [];
  let node = byId.get(id);
  while (node && !path.includes(node.id)) {
    path.push(node.id);
    node = node.parentId ? byId.get(node.parentId) : undefined;
  }
  return path;
}
