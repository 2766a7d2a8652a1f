import type { Metadata } from "next";
import { Suspense } from "react";
import { ImportForm } from "@/components/profiles/import-form";
import { ProfileList } from "@/components/profiles/profile-list";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Profiles" };

export default async function ProfilesPage() {
  const user = await requirePageUser("viewer");
  return (
    <>
      <PageHeader
        title="Profiles"
        description="Simulated clients: intake form, attitude and opening exchange. Sample profiles ship with the studio; import the paper's seeds and sessions below."
      />
      {hasRole(user.role, "researcher") ? <ImportForm /> : null}
      <Suspense>
        <ProfileList />
      </Suspense>
    </>
  );
}
