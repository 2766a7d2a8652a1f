"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { SpecialistTechnique } from "@/lib/cbt/techniques";
import type { Seat } from "@/lib/pipeline/steering";
import { RunToEnd } from "./selection-steer";
import { SteerError } from "./steer-error";
import { useSteer } from "./use-steer";

export interface CounselorDraft {
  text: string;
  /** Suggestions inserted into the text, in the order inserted. */
  inserted: SpecialistTechnique[];
}

/**
 * The counselor's turn, waiting for a person: in the counselor's seat they write it (inserting
 * suggestions from the candidates above); in step mode they edit the fuser's reply or keep it.
 */
export function CounselorSteer({
  roundIndex,
  seat,
  draft,
  onDraft,
}: {
  roundIndex: number;
  seat: Seat;
  draft: CounselorDraft;
  onDraft: (draft: CounselorDraft) => void;
}) {
  const steer = useSteer();
  const id = useId();
  const writing = seat === "counselor";
  return (
    <div className="mt-2 rounded-md border border-accent bg-accent-soft/30 p-3" data-testid="steer-counselor">
      <label htmlFor={id} className="mb-1 block text-xs font-semibold uppercase tracking-wide">
        {writing
          ? "Your reply as the counselor (insert a suggestion above, then edit)"
          : "Paused after the fuser: edit the reply before the client hears it"}
      </label>
      <textarea
        id={id}
        value={draft.text}
        onChange={(e) => onDraft({ ...draft, text: e.target.value })}
        rows={4}
        className="w-full rounded-md border border-border bg-surface-raised p-2 font-serif text-sm"
        data-testid="steer-counselor-text"
      />
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          variant="primary"
          disabled={steer.isPending || draft.text.trim() === ""}
          onClick={() =>
            steer.mutate({ type: "write-counselor", roundIndex, text: draft.text, inserted: draft.inserted })
          }
        >
          {writing ? "Send to the client" : "Send the edited reply"}
        </Button>
        {writing ? null : (
          <>
            <Button
              disabled={steer.isPending}
              onClick={() => steer.mutate({ type: "continue", roundIndex, point: "counselor" })}
            >
              Keep the fuser&apos;s reply
            </Button>
            <RunToEnd roundIndex={roundIndex} />
          </>
        )}
      </div>
      <SteerError error={steer.error} />
    </div>
  );
}

/** The client's turn, waiting for a person: type the reply, or (in step mode) let the client agent answer. */
export function ClientSteer({ roundIndex, seat }: { roundIndex: number; seat: Seat }) {
  const steer = useSteer();
  const id = useId();
  const [text, setText] = useState("");
  const writing = seat === "client";
  return (
    <div className="mt-2 rounded-md border border-accent bg-accent-soft/30 p-3" data-testid="steer-client">
      <label htmlFor={id} className="mb-1 block text-xs font-semibold uppercase tracking-wide">
        {writing ? "Your reply as the client" : "Paused before the client: type the client's reply yourself"}
      </label>
      <textarea
        id={id}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={3}
        placeholder="Write [/END] to end the session as the client"
        className="w-full rounded-md border border-border bg-surface-raised p-2 font-serif text-sm"
        data-testid="steer-client-text"
      />
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          variant="primary"
          disabled={steer.isPending || text.trim() === ""}
          onClick={() => steer.mutate({ type: "write-client", roundIndex, text })}
        >
          Send as the client
        </Button>
        {writing ? null : (
          <>
            <Button
              disabled={steer.isPending}
              onClick={() => steer.mutate({ type: "continue", roundIndex, point: "client" })}
            >
              Let the client agent answer
            </Button>
            <RunToEnd roundIndex={roundIndex} />
          </>
        )}
      </div>
      <SteerError error={steer.error} />
    </div>
  );
}
