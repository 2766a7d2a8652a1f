import { turnMark } from "@/components/sessions/steering/steering-marks";
import { Utterance } from "@/components/sessions/utterance";
import type { LiveRound } from "@/lib/live/live-state";

/** The dialogue only: opening exchange and every stored turn. */
export function Transcript({
  openingCounselor,
  openingClient,
  rounds,
}: {
  openingCounselor: string;
  openingClient: string;
  rounds: LiveRound[];
}) {
  return (
    <section
      aria-label="Transcript"
      className="rounded-lg border border-border bg-surface-raised p-4"
      data-testid="transcript"
    >
      <Utterance speaker="counselor" text={openingCounselor} />
      <Utterance speaker="client" text={openingClient} />
      {rounds.map((round) => (
        <div key={round.index} className="mt-3 border-t border-border pt-3">
          {round.counselorReply ? (
            <Utterance
              speaker="counselor"
              text={round.counselorReply}
              label={`Counselor ${round.index}`}
              mark={turnMark(round.steering, "counselor")}
            />
          ) : null}
          {round.clientReply ? (
            <Utterance speaker="client" text={round.clientReply} mark={turnMark(round.steering, "client")} />
          ) : null}
        </div>
      ))}
    </section>
  );
}
