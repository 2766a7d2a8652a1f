import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BranchCompare } from "@/components/sessions/branches/branch-compare";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/http/fields";
import { pageRecordId } from "@/lib/http/page-params";
import { getBranchComparisonById } from "@/lib/sessions/branches";
import { describeSessionModels } from "@/lib/sessions/config";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ with?: string | string[] }> };

export const metadata: Metadata = { title: "Compare branches" };

export default async function CompareBranchesPage({ params, searchParams }: Props) {
  const id = await pageRecordId(params);
  await requirePageUser("viewer", `/sessions/${id}/compare`);
  const other = idSchema.safeParse((await searchParams).with);
  if (!other.success) notFound();
  const comparison = await getBranchComparisonById({ id, withId: other.data }).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "validation")) notFound();
    throw error;
  });
  const side = (s: typeof comparison.left) => ({ ...s, models: describeSessionModels(s.config) });
  return (
    <>
      <PageHeader title="Compare branches" description="Two branches of one session from their fork point." />
      <BranchCompare shared={comparison.shared} left={side(comparison.left)} right={side(comparison.right)} />
    </>
  );
}
