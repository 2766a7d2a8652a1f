import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { InlineLink, PlannedFeature } from "@/components/ui/planned-feature";
import { requirePageUser } from "@/lib/auth/page";

export const metadata: Metadata = { title: "Experiments" };

export default async function ExperimentsPage() {
  await requirePageUser("viewer", "/experiments");
  return (
    <>
      <PageHeader
        title="Experiments"
        description="Batches of sessions across variants, with evaluation and export."
      />
      <PlannedFeature
        items={[
          "run batches of sessions over chosen profiles, attitudes and variants (MAGneT, its ablations, the CACTUS and Psych8k baselines)",
          "score sessions with LLM judges on CTRS, WAI and PANAS, and compute Distinct-n and EAD diversity",
          "compare variants side by side and export fine-tuning data",
        ]}
        meanwhile={
          <>
            Meanwhile, browse imported sessions on <InlineLink href="/sessions">Sessions</InlineLink>.
          </>
        }
      />
    </>
  );
}
