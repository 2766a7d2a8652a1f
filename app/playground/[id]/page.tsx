import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlaygroundView } from "@/components/playground/playground-view";
import { roleLabel } from "@/components/ui/agent-labels";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { pageRecordId } from "@/lib/http/page-params";
import { getPlaygroundSourceById } from "@/lib/playground/source";
import { listAvailableModels } from "@/lib/providers";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Playground" };

export default async function PlaygroundPage({ params }: Props) {
  const id = await pageRecordId(params);
  await requirePageUser("researcher");
  const source = await getPlaygroundSourceById({ id }).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "unprocessable"))
      notFound();
    throw error;
  });
  const { call } = source;
  return (
    <>
      <PageHeader
        title="Playground"
        description={
          <>
            {roleLabel(call.role)}
            {call.roundIndex !== null ? `, round ${call.roundIndex}` : ""} of{" "}
            <Link href={`/sessions/${call.sessionId}`} className="text-accent underline">
              its session
            </Link>
            . Samples run here are not stored and do not change the session.
          </>
        }
      />
      <PlaygroundView source={source} models={listAvailableModels()} />
    </>
  );
}
