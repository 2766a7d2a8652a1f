import type { Metadata } from "next";
import Link from "next/link";
import { PairForm } from "@/components/annotations/pair-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listMyPreferencePairs } from "@/lib/annotations/preferences";
import { getAnnotationSessionView } from "@/lib/annotations/session-view";
import { requirePageUser } from "@/lib/auth/page";
import { pageRecordId } from "@/lib/http/page-params";

export const metadata: Metadata = { title: "Pairwise preferences" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ pair?: string | string[] }> };

/** Two sessions of the same client side by side, in an order hidden from the annotator. */
export default async function PairsPage({ params, searchParams }: Props) {
  const id = await pageRecordId(params);
  const user = await requirePageUser("annotator");
  const pairs = await listMyPreferencePairs(user, id);
  const asked = Number((await searchParams).pair);
  const index = Number.isInteger(asked) && asked >= 1 && asked <= pairs.length ? asked - 1 : 0;
  const pair = pairs[index];
  const header = (
    <PageHeader
      title="Pairwise preferences"
      description="Two sessions with the same client. Which would you rather the client had, aspect by aspect? Which variant made which session is not shown."
      actions={
        <Link href={`/annotate/${id}/queue`} className="text-sm text-accent underline">
          Back to the queue
        </Link>
      }
    />
  );
  if (!pair) {
    return (
      <>
        {header}
        <EmptyState title="No pairs to compare">
          Your sessions in this queue include no two sessions of the same client.
        </EmptyState>
      </>
    );
  }
  const [first, second] = await Promise.all(
    pair.shown.map((sessionId) => getAnnotationSessionView(sessionId)),
  );
  return (
    <>
      {header}
      <nav aria-label="Pairs" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-fg-muted">
          Pair {index + 1} of {pairs.length} · {pair.client}
        </span>
        {index > 0 ? (
          <Link href={`/annotate/${id}/pairs?pair=${index}`} className="text-accent underline">
            Previous pair
          </Link>
        ) : null}
        {index + 1 < pairs.length ? (
          <Link href={`/annotate/${id}/pairs?pair=${index + 2}`} className="text-accent underline">
            Next pair
          </Link>
        ) : null}
      </nav>
      <PairForm
        key={pair.shown.join(":")}
        sessions={[first, second]}
        preferences={pair.preferences}
        version={pair.version}
      />
    </>
  );
}
