import type { Metadata } from "next";
import Link from "next/link";
import { ExperimentList } from "@/components/experiments/experiment-list";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Experiments" };

export default async function ExperimentsPage() {
  const user = await requirePageUser("viewer");
  const researcher = hasRole(user.role, "researcher");
  return (
    <>
      <PageHeader
        title="Experiments"
        description="Profiles × attitudes × variants × models per agent × repeats, run by the workers on the job queue, then evaluated."
        actions={
          researcher ? (
            <Link href="/experiments/new" className={buttonClass("primary")} data-testid="new-experiment">
              New experiment
            </Link>
          ) : null
        }
      />
      <ExperimentList canCreate={researcher} />
    </>
  );
}
