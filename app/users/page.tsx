import type { Metadata } from "next";
import { AuditLog } from "@/components/auth/audit-log";
import { UsersPanel } from "@/components/auth/users-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePageUser("researcher");
  return (
    <>
      <PageHeader title="Users" description="Who may sign in, with which role, and what was done." />
      <div className="grid max-w-5xl grid-cols-1 gap-6">
        <UsersPanel selfId={user.id} />
        <AuditLog />
      </div>
    </>
  );
}
