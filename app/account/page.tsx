import type { Metadata } from "next";
import { ApiKeysPanel } from "@/components/auth/api-keys-panel";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";
import { ROLE_DESCRIPTIONS } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser("viewer");
  return (
    <>
      <PageHeader title="Account" description="Who you are signed in as, and your personal API keys." />
      <div className="grid max-w-3xl grid-cols-1 gap-6">
        <Card>
          <CardHeader title={user.email} subtitle={`Role: ${user.role} (${ROLE_DESCRIPTIONS[user.role]})`} />
        </Card>
        <ApiKeysPanel />
      </div>
    </>
  );
}
