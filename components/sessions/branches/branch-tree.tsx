import Link from "next/link";
import { SessionStatusBadge } from "@/components/sessions/session-status-badge";
import { formatDate } from "@/components/ui/labels";
import type { BranchTreeNode } from "@/lib/sessions/branch-tree";

/** The session's fork tree: the root, every fork with its fork round, this session marked. */
export function BranchTree({ tree, currentId }: { tree: BranchTreeNode; currentId: string }) {
  return (
    <section
      aria-label="Branches"
      className="mb-6 rounded-lg border border-border bg-surface-raised p-4"
      data-testid="branch-tree"
    >
      <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-fg-muted">Branches</h2>
      <ul className="text-sm">
        <Branch node={tree} currentId={currentId} />
      </ul>
    </section>
  );
}

function Branch({ node, currentId }: { node: BranchTreeNode; currentId: string }) {
  const current = node.id === currentId;

  return (
    <li className="py-0.5">
      <div className="flex flex-wrap items-center gap-2">
        {current ? (
          <span className="font-semibold" aria-current="page">
            This session
          </span>
        ) : (
          <Link href={`/sessions/${node.id}`} className="text-accent hover:underline">
            {node.parentId ? "Fork" : "Original"} of {formatDate(node.createdAt)}
          </Link>
        )}
        <span className="text-xs text-fg-muted">
          {node.forkRound === null ? "original" : `forked after round ${node.forkRound}`} · {node.roundCount}{" "}
          rounds
        </span>
        <SessionStatusBadge status={node.status} awaiting={node.awaiting} />
        {current ? null : (
          <Link
            href={`/sessions/${currentId}/compare?with=${node.id}`}
            className="text-xs text-fg-muted underline hover:text-fg"
            data-testid="compare-branch"
          >
            Compare with this session
          </Link>
        )}
      </div>
      {node.children.length ? (
        <ul className="ml-4 border-l border-border pl-3">
          {node.children.map((child) => (
            <Branch key={child.id} node={child} currentId={currentId} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
