import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { InlineLink, PlannedFeature } from "@/components/ui/planned-feature";
import { requirePageUser } from "@/lib/auth/page";

export const metadata: Metadata = { title: "Annotate" };

export default async function AnnotatePage() {
  await requirePageUser("annotator", "/annotate");
  return (
    <>
      <PageHeader title="Annotate" description="Clinician review of generated counselor turns." />
      <PlannedFeature
        items={[
          "work through a queue of generated rounds and rate each counselor reply",
          "label which specialist candidates a good reply should have used, and edit turns with the original kept",
          "export annotations with the sessions they belong to",
        ]}
        meanwhile={
          <>
            Meanwhile, read any session round by round on <InlineLink href="/sessions">Sessions</InlineLink>.
          </>
        }
      />
    </>
  );
}
