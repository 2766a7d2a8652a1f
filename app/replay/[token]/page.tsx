import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReplayView } from "@/components/share/replay-view";
import { loadReplay } from "@/lib/share/replay-data";

// Outside the studio's signed-in pages on purpose: whoever holds the link may watch, nothing more.
export const metadata: Metadata = {
  title: "Session replay",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function ReplayPage({ params }: { params: Promise<{ token: string }> }) {
  const data = await loadReplay((await params).token);
  if (!data) notFound();
  return <ReplayView data={data} />;
}
