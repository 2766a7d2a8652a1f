import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { SessionList } from "@/components/sessions/session-list";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Sessions" };

export default function SessionsPage() {
  return (
    <>
      <PageHeader
        title="Sessions"
        description="Every generated and imported counseling session. Filter, sort and open one to read it round by round."
        actions={
          <Link href="/sessions/new" className={buttonClass("primary")} data-testid="new-session">
            New session
          </Link>
        }
      />
      <Suspense>
        <SessionList />
      </Suspense>
    </>
  );
}
