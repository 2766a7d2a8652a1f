import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BranchCompare } from "@/components/sessions/branches/branch-compare";
import { CompareNeedsBranch } from "@/components/sessions/branches/compare-needs-branch";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/http/fields";
import { pageRecordId } from "@/lib/http/page-params";
import { buildBranchTree } from "@/lib/sessions/branch-tree";
import { getBranchComparisonById, listBranchNodesBySessionId } from "@/lib/sessions/branches";
import { describeSessionModels } from "@/lib/sessions/config";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ with?: string | string[] }> };

export const metadata: Metadata = { title: "Compare branches" };

const HEADER = (
  <PageHeader title="Compare branches" description="Two branches of one session from their fork point." />
);

/** A record the page names but that does not exist (or is not a branch of it) is a 404. */
function notFoundOn(error: unknown): never {
  if (error instanceof AppError && (error.code === "not_found" || error.code === "validation")) notFound();
  throw error;
}

export default async function CompareBranchesPage({ params, searchParams }: Props) {
  const id = await pageRecordId(params);
  await requirePageUser("viewer");
  const other = idSchema.safeParse((await searchParams).with);
  if (!other.success) {
    const nodes = await listBranchNodesBySessionId({ id }).catch(notFoundOn);
    return (
      <>
        {HEADER}
        <CompareNeedsBranch id={id} tree={nodes.length > 1 ? buildBranchTree(nodes) : null} />
      </>
    );
  }
  const comparison = await getBranchComparisonById({ id, withId: other.data }).catch(notFoundOn);
  const side = (s: typeof comparison.left) => ({ ...s, models: describeSessionModels(s.config) });
  return (
    <>
      {HEADER}
      <BranchCompare shared={comparison.shared} left={side(comparison.left)} right={side(comparison.right)} />
    </>
  );
}
