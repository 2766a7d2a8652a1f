import Link from "next/link";
import { Utterance } from "@/components/sessions/utterance";
import { Badge } from "@/components/ui/badge";
import { STATUS_LABELS } from "@/components/ui/labels";
import type { BranchComparison } from "@/lib/sessions/branches";

type Side = BranchComparison["left"] & { models: string };

/** Two branches round by round from their fork point: side by side from 768 px, one above the other below. */
export function BranchCompare({ shared, left, right }: { shared: number; left: Side; right: Side }) {
  const last = Math.max(left.rounds.at(-1)?.index ?? shared, right.rounds.at(-1)?.index ?? shared);
  const indexes = Array.from({ length: last - shared }, (_, i) => shared + 1 + i);
  return (
    <div data-testid="branch-compare">
      <p className="mb-4 text-sm text-fg-muted">{sharedText(shared)}</p>
      <div className="mb-3 grid gap-3 md:grid-cols-2">
        <SideHeading side={left} title="This session" />
        <SideHeading side={right} title="Other branch" />
      </div>
      {indexes.length === 0 ? (
        <p className="text-sm text-fg-muted">Neither branch has played a round since.</p>
      ) : null}
      <ol className="flex flex-col gap-4">
        {indexes.map((index) => (
          <li
            key={index}
            className="rounded-lg border border-border bg-surface-raised p-4"
            data-testid="compare-round"
          >
            <h2 className="mb-2 text-sm font-semibold">Round {index}</h2>
            <div className="grid gap-4 md:grid-cols-2">
              <RoundCell round={left.rounds.find((r) => r.index === index)} label="This session" />
              <RoundCell round={right.rounds.find((r) => r.index === index)} label="Other branch" />
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

function SideHeading({ side, title }: { side: Side; title: string }) {
  const status = STATUS_LABELS[side.status];
  return (
    <div className="rounded-md border border-border px-3 py-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/sessions/${side.id}`} className="font-semibold text-accent hover:underline">
          {title}
        </Link>
        {status ? <Badge tone={status.tone}>{status.label}</Badge> : null}
        {side.forkRound !== null ? (
          <span className="text-xs text-fg-muted">forked after round {side.forkRound}</span>
        ) : null}
      </div>
      <p className="mt-1 text-xs text-fg-muted">{side.models}</p>
    </div>
  );
}

function RoundCell({ round, label }: { round: Side["rounds"][number] | undefined; label: string }) {
  if (!round) return <p className="text-sm text-fg-muted">{label}: not played.</p>;
  return (
    <section aria-label={label} className="min-w-0">
      <p className="mb-1 text-xs text-fg-muted md:hidden">{label}</p>
      {round.selectedTechniques.length ? (
        <p className="mb-2 text-xs text-fg-muted">Chosen: {round.selectedTechniques.join(", ")}</p>
      ) : null}
      <Utterance speaker="counselor" text={round.counselorReply} />
      {round.clientReply !== null ? <Utterance speaker="client" text={round.clientReply} /> : null}
      {round.endedByClient ? <Badge tone="warning">Client ended the session</Badge> : null}
    </section>
  );
}

function sharedText(shared: number): string {
  if (shared === 0) return "The branches share no round.";
  const rounds = shared === 1 ? "Round 1 is shared" : `Rounds 1–${shared} are shared`;
  return `${rounds}; from round ${shared + 1} on:`;
}
