import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { SessionList } from "@/components/sessions/session-list";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage() {
  const user = await requirePageUser("viewer");
  return (
    <>
      <PageHeader
        title="Sessions"
        description="Every generated and imported counseling session. Filter, sort and open one to read it round by round."
        actions={
          hasRole(user.role, "researcher") ? (
            <Link href="/sessions/new" className={buttonClass("primary")} data-testid="new-session">
              New session
            </Link>
          ) : null
        }
      />
      <Suspense>
        <SessionList />
      </Suspense>
    </>
  );
}
