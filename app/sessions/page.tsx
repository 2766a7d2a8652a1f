import type { Metadata } from "next";
import { Suspense } from "react";
import { SessionList } from "@/components/sessions/session-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Sessions" };

export default function SessionsPage() {
  return (
    <>
      <PageHeader
        title="Sessions"
        description="Every generated and imported counseling session. Filter, sort and open one to read it round by round."
      />
      <Suspense>
        <SessionList />
      </Suspense>
    </>
  );
}
