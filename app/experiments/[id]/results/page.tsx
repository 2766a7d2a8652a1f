import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { JudgeAgreementTable } from "@/components/dashboard/judge-agreement-table";
import { JudgeNote, ResultsView } from "@/components/dashboard/results-view";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getJudgeAgreementBySessions } from "@/lib/annotations/judge-agreement";
import { requirePageUser } from "@/lib/auth/page";
import { getExperimentResultsById } from "@/lib/dashboard/queries";
import { AppError } from "@/lib/errors";
import { pageRecordId } from "@/lib/http/page-params";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Experiment results" };

export default async function ExperimentResultsPage({ params }: Props) {
  const id = await pageRecordId(params);
  await requirePageUser("viewer");
  const { experiment, unfinished, dashboard } = await getExperimentResultsById({ id }).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    },
  );
  const judgeAgreement = await getJudgeAgreementBySessions(dashboard.sessions.map((s) => s.id));
  return (
    <>
      <Link href={`/experiments/${id}`} className="text-xs text-fg-muted hover:text-fg">
        ← {experiment.name}
      </Link>
      <PageHeader
        title={`Results: ${experiment.name}`}
        description={<JudgeNote dashboard={dashboard} unfinished={unfinished} />}
        actions={
          <a href={`/api/experiments/${id}/results?format=csv`} download className={buttonClass("secondary")}>
            Download table (CSV)
          </a>
        }
      />
      <Suspense>
        <ResultsView experimentId={id} dashboard={dashboard} />
      </Suspense>
      {dashboard.sessions.length ? <JudgeAgreementTable items={judgeAgreement} /> : null}
    </>
  );
}
