import type { Metadata } from "next";
import { connection } from "next/server";
import { z } from "zod";
import { NewSessionForm } from "@/components/sessions/new-session-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/http/fields";
import { getProfileById } from "@/lib/profiles/queries";
import type { ProfileSummary } from "@/lib/profiles/schema";
import { defaultModelRefs, listAvailableModels } from "@/lib/providers";

export const metadata: Metadata = { title: "New session" };

type Props = { searchParams: Promise<{ profile?: string | string[] }> };

const preselectionSchema = z.object({ profile: idSchema });

/** The client asked for by `?profile=` (from a profile's page): found, missing, or not asked for. */
async function preselectedProfile(query: {
  profile?: string | string[];
}): Promise<{ profile?: ProfileSummary; missing: boolean }> {
  if (query.profile === undefined) return { missing: false };
  const parsed = preselectionSchema.safeParse(query);
  if (!parsed.success) return { missing: true };
  try {
    return { profile: await getProfileById({ id: parsed.data.profile }), missing: false };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { missing: true };
    throw error;
  }
}

export default async function NewSessionPage({ searchParams }: Props) {
  await requirePageUser("researcher");
  await connection(); // models come from this server's environment, not the build's
  const { profile, missing } = await preselectedProfile(await searchParams);
  return (
    <>
      <PageHeader
        title="New session"
        description="Choose a client, the variant of the method and the models; the session's configuration is frozen when it is created."
      />
      <NewSessionForm
        models={listAvailableModels()}
        defaults={defaultModelRefs()}
        preselected={profile}
        preselectionMissing={missing}
      />
    </>
  );
}
