import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { DiversitySets } from "@/components/eval/diversity-sets";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Diversity" };

export default async function DiversityPage() {
  const user = await requirePageUser("viewer");
  return (
    <>
      <PageHeader
        title="Diversity"
        description="Distinct-1, -2, -3 and EAD of a set of sessions, computed as the paper's notebook does: the messages of each session joined, reduced to ASCII letters, digits and spaces, and tokenized with the Llama-3 tokenizer; n-grams within sessions, pooled over the set."
        actions={
          <Link href="/sessions" className={buttonClass("secondary")}>
            Sessions
          </Link>
        }
      />
      <Suspense>
        <DiversitySets canMeasure={hasRole(user.role, "researcher")} />
      </Suspense>
    </>
  );
}
