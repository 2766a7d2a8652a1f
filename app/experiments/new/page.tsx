import type { Metadata } from "next";
import { connection } from "next/server";
import { NewExperimentForm } from "@/components/experiments/new-experiment-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";
import { listAvailableModels } from "@/lib/providers";

export const metadata: Metadata = { title: "New experiment" };

export default async function NewExperimentPage() {
  await requirePageUser("researcher");
  await connection(); // models come from this server's environment, not the build's
  return (
    <>
      <PageHeader
        title="New experiment"
        description="Every combination of the chosen profiles, variants and models becomes a session (times the repeats); the workers run them and the page shows their progress."
      />
      <NewExperimentForm models={listAvailableModels()} />
    </>
  );
}
