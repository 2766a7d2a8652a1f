import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AgreementTable, DisagreedRounds } from "@/components/annotations/agreement-view";
import { PageHeader } from "@/components/ui/page-header";
import { getQueueAgreement } from "@/lib/annotations/agreement";
import { requirePageUser } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { pageRecordId } from "@/lib/http/page-params";

export const metadata: Metadata = { title: "Agreement" };

type Props = { params: Promise<{ id: string }> };

/** How far a queue's annotators agree, item by item, and where they disagree most. */
export default async function AgreementPage({ params }: Props) {
  const id = await pageRecordId(params);
  const user = await requirePageUser("researcher");
  const agreement = await getQueueAgreement(user, id).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        title={`Agreement · ${agreement.name}`}
        description="Krippendorff's alpha (ordinal for scores, nominal for techniques, candidates and flags) and percent agreement among the annotators; for the session forms also the annotators' mean against the judge's."
        actions={
          <Link href={`/annotate/${id}/queue`} className="text-sm text-accent underline">
            Who did what
          </Link>
        }
      />
      <div className="flex flex-col gap-6">
        <DisagreedRounds rounds={agreement.disagreedRounds} />
        <AgreementTable items={agreement.items} />
      </div>
    </>
  );
}
