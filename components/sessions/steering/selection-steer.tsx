"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { SPECIALIST_LABELS, SPECIALIST_TECHNIQUES, type SpecialistTechnique } from "@/lib/cbt/techniques";
import { SteerError } from "./steer-error";
import { useSteer } from "./use-steer";

/** Step mode after the selector: choose other techniques before fusion, or keep the selector's. */
export function SelectionSteer({ roundIndex, chosen }: { roundIndex: number; chosen: string[] }) {
  const steer = useSteer();
  const [picked, setPicked] = useState<SpecialistTechnique[]>(
    SPECIALIST_TECHNIQUES.filter((t) => chosen.includes(t)),
  );
  const legend = useId();
  const toggle = (t: SpecialistTechnique) =>
    setPicked((now) =>
      now.includes(t)
        ? now.filter((x) => x !== t)
        : SPECIALIST_TECHNIQUES.filter((x) => x === t || now.includes(x)),
    );
  const changed = picked.join() !== SPECIALIST_TECHNIQUES.filter((t) => chosen.includes(t)).join();
  return (
    <fieldset
      className="mb-3 rounded-md border border-accent bg-accent-soft/30 p-3"
      aria-labelledby={legend}
      data-testid="steer-selection"
    >
      <legend id={legend} className="px-1 text-xs font-semibold uppercase tracking-wide">
        Paused after the selector: the techniques to fuse
      </legend>
      <div className="flex flex-wrap gap-3">
        {SPECIALIST_TECHNIQUES.map((t) => (
          <label key={t} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" checked={picked.includes(t)} onChange={() => toggle(t)} />
            {SPECIALIST_LABELS[t]}
          </label>
        ))}
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          variant="primary"
          disabled={steer.isPending || picked.length === 0 || !changed}
          onClick={() => steer.mutate({ type: "override-selection", roundIndex, techniques: picked })}
        >
          Fuse these techniques
        </Button>
        <Button
          disabled={steer.isPending}
          onClick={() => steer.mutate({ type: "continue", roundIndex, point: "selection" })}
        >
          Keep the selector&apos;s choice
        </Button>
        <RunToEnd roundIndex={roundIndex} />
      </div>
      <SteerError error={steer.error} />
    </fieldset>
  );
}

/** Lets this pause stand and skips every later pause point of the run (a seat still waits). */
export function RunToEnd({ roundIndex }: { roundIndex: number }) {
  const steer = useSteer();
  return (
    <>
      <Button
        variant="ghost"
        disabled={steer.isPending}
        onClick={() => steer.mutate({ type: "run-to-end", roundIndex })}
        title="Continue without stopping at the pause points again in this run"
      >
        Run to the end
      </Button>
      {steer.error ? <SteerError error={steer.error} /> : null}
    </>
  );
}
