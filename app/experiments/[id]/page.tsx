import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExperimentDetailView } from "@/components/experiments/experiment-detail";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getExperimentById } from "@/lib/experiments/progress";
import { pageRecordId } from "@/lib/http/page-params";

export const metadata: Metadata = { title: "Experiment" };

export default async function ExperimentPage({ params }: { params: Promise<{ id: string }> }) {
  const id = await pageRecordId(params);
  const user = await requirePageUser("viewer");
  const experiment = await getExperimentById({ id }).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <Link href="/experiments" className="text-xs text-fg-muted hover:text-fg">
        ← Experiments
      </Link>
      <PageHeader title={experiment.name} description={experiment.description ?? undefined} />
      <ExperimentDetailView id={id} canControl={hasRole(user.role, "researcher")} />
    </>
  );
}
