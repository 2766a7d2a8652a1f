import Link from "next/link";
import type { BranchTreeNode } from "@/lib/sessions/branch-tree";
import { BranchTree } from "./branch-tree";

/** Compare opened without the branch to compare with: what the page needs, and the branches to pick from. */
export function CompareNeedsBranch({ id, tree }: { id: string; tree: BranchTreeNode | null }) {
  return (
    <div className="grid max-w-3xl gap-4" data-testid="compare-needs-branch">
      <p className="text-sm">
        Comparing needs a second branch of this session: pick one below with{" "}
        <strong>Compare with this session</strong>, or use the Branches list on the session&apos;s page.
      </p>
      {tree ? (
        <BranchTree tree={tree} currentId={id} />
      ) : (
        <p className="text-sm text-fg-muted">
          This session has no forks yet: fork it after a round, then compare the fork with it.
        </p>
      )}
      <Link href={`/sessions/${id}`} className="text-sm text-accent underline">
        ← Back to the session
      </Link>
    </div>
  );
}
