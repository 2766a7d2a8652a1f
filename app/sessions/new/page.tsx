import type { Metadata } from "next";
import { connection } from "next/server";
import { NewSessionForm } from "@/components/sessions/new-session-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";
import { defaultModelRefs, listAvailableModels } from "@/lib/providers";

export const metadata: Metadata = { title: "New session" };

export default async function NewSessionPage() {
  await requirePageUser("researcher", "/sessions/new");
  await connection(); // models come from this server's environment, not the build's
  return (
    <>
      <PageHeader
        title="New session"
        description="Choose a client, the variant of the method and the models; the session's configuration is frozen when it is created."
      />
      <NewSessionForm models={listAvailableModels()} defaults={defaultModelRefs()} />
    </>
  );
}
