import { Badge } from "@/components/ui/badge";
import type { SessionDetail } from "@/lib/sessions/queries";
import { Utterance } from "./utterance";

type Round = SessionDetail["rounds"][number];
type AgentCall = SessionDetail["agentCalls"][number];

export function RoundView({
  round,
  calls,
  candidatesRecorded,
}: {
  round: Round;
  calls: AgentCall[];
  candidatesRecorded: boolean;
}) {
  return (
    <li
      id={`round-${round.index}`}
      className="scroll-mt-6 rounded-lg border border-border bg-surface-raised p-4"
      data-testid="round"
    >
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 className="text-sm font-semibold">Round {round.index}</h2>
        {round.selectedTechniques.map((t) => (
          <Badge key={t} tone="accent">
            {t}
          </Badge>
        ))}
        {round.endedByClient ? <Badge tone="warning">Client ended the session</Badge> : null}
      </div>
      {!candidatesRecorded ? (
        <p className="mb-3 rounded-md bg-surface-muted px-3 py-2 text-xs text-fg-muted">
          The source of this session did not record the five candidate replies or the selector&apos;s choice;
          only the final dialogue is shown.
        </p>
      ) : (
        <p className="mb-3 text-xs text-fg-muted">{calls.length} agent calls recorded for this round.</p>
      )}
      <Utterance speaker="counselor" text={round.counselorReply} />
      {round.clientReply ? <Utterance speaker="client" text={round.clientReply} /> : null}
    </li>
  );
}
