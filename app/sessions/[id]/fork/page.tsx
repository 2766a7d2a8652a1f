import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ForkForm } from "@/components/sessions/branches/fork-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { pageRecordId } from "@/lib/http/page-params";
import { listAvailableModels } from "@/lib/providers";
import { getForkOptionsById } from "@/lib/sessions/fork-options";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ round?: string | string[] }> };

export const metadata: Metadata = { title: "Fork with changes" };

export default async function ForkPage({ params, searchParams }: Props) {
  const id = await pageRecordId(params);
  await requirePageUser("researcher");
  const options = await getForkOptionsById({ id }).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "unprocessable"))
      notFound();
    throw error;
  });
  const forkable = options.rounds.filter((r) => !r.endedByClient).map((r) => r.index);
  if (!forkable.length) notFound();
  const asked = Number((await searchParams).round);
  const round = forkable.includes(asked) ? asked : (forkable.at(-1) ?? 1);
  return (
    <>
      <PageHeader
        title="Fork with changes"
        description={
          <>
            A new session from{" "}
            <Link href={`/sessions/${id}`} className="text-accent underline">
              this session
            </Link>{" "}
            that continues on its own. The session it comes from is not changed.
          </>
        }
      />
      <ForkForm options={options} models={listAvailableModels()} initialRound={round} />
    </>
  );
}
