import type { SessionDetail } from "@/lib/sessions/queries";
import { PlanPanel } from "./plan-panel";
import { RoundNavigator } from "./round-navigator";
import { RoundView } from "./round-view";
import { SessionHeader } from "./session-header";
import { Utterance } from "./utterance";

export function SessionView({ session }: { session: SessionDetail }) {
  const recordedCandidates = session.agentCalls.length > 0;
  return (
    <div className="flex gap-6">
      <div className="min-w-0 flex-1">
        <SessionHeader session={session} />
        <PlanPanel technique={session.technique} techniqueRaw={session.techniqueRaw} plan={session.plan} />
        <section
          aria-label="Opening exchange"
          className="mb-6 rounded-lg border border-border bg-surface-raised p-4"
        >
          <h2 className="mb-3 text-xs font-semibold uppercase tracking-wide text-fg-muted">
            Opening exchange
          </h2>
          <Utterance speaker="counselor" text={session.openingCounselor} />
          <Utterance speaker="client" text={session.openingClient} />
        </section>
        <ol className="flex flex-col gap-6" data-testid="rounds">
          {session.rounds.map((round) => (
            <RoundView
              key={round.id}
              round={round}
              calls={session.agentCalls.filter((call) => call.roundIndex === round.index)}
              candidatesRecorded={recordedCandidates}
            />
          ))}
        </ol>
        {session.rounds.length === 0 ? (
          <p className="text-sm text-fg-muted">No rounds yet: this session has not run its first round.</p>
        ) : null}
      </div>
      <RoundNavigator rounds={session.rounds.map((r) => ({ index: r.index, ended: r.endedByClient }))} />
    </div>
  );
}
