import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageUser } from "@/lib/auth/page";
import { safeReturnPath } from "@/lib/auth/return-path";
import { hasRole, isRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string | string[]; needs?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const { next: rawNext, needs } = await searchParams;
  // Only a path on this studio: `next` must not send anyone elsewhere.
  const next = safeReturnPath(rawNext);
  const user = await pageUser();
  const needed = isRole(needs) ? needs : null;
  if (user && (!needed || hasRole(user.role, needed))) redirect(next);
  return (
    <div className="max-w-sm">
      <PageHeader
        title="Sign in"
        description="Accounts are made by a researcher, or printed by npm run studio on its first start."
      />
      <Card>
        <div className="px-4 py-4">
          {user && needed ? (
            <p role="alert" className="mb-4 text-sm" data-testid="role-needed">
              {next} needs the {needed} role; you are signed in as {user.email} ({user.role}). Sign in with
              another account, or ask a researcher.
            </p>
          ) : null}
          <SignInForm next={next} />
        </div>
      </Card>
    </div>
  );
}
