"use client";

import { useMutation } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import { Button, textActionClass } from "@/components/ui/button";
import { fetchJson } from "@/components/ui/fetch-json";
import type { RegenerableRound } from "@/lib/live/regenerable";
import { SteerError } from "./steer-error";
import { SteerContext } from "./use-steer";

/** The round whose outputs may be regenerated now, and which; null: none (lib/live/regenerable.ts). */
export const RegenerableRoundContext = createContext<RegenerableRound | null>(null);

/** Whether `output` of `roundIndex` may be regenerated now. */
function useCanRegenerate(roundIndex: number, output: string): boolean {
  const regenerable = useContext(RegenerableRoundContext);
  return regenerable?.roundIndex === roundIndex && (regenerable.outputs as string[]).includes(output);
}

function useRegenerate(roundIndex: number) {
  const sessionId = useContext(SteerContext);
  return useMutation({
    mutationFn: async (outputs: string[]) => {
      for (const output of outputs) {
        await fetchJson(`/api/sessions/${sessionId}/rounds/${roundIndex}/regenerate`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ output }),
        });
      }
    },
  });
}

/** Runs one output of the round again; what was made from it becomes stale. */
export function RegenerateButton({
  roundIndex,
  output,
  what,
}: {
  roundIndex: number;
  output: string;
  what: string;
}) {
  const regenerate = useRegenerate(roundIndex);
  if (!useCanRegenerate(roundIndex, output)) return null;
  return (
    <span className="inline-flex flex-col">
      <button
        type="button"
        className={textActionClass()}
        disabled={regenerate.isPending}
        onClick={() => regenerate.mutate([output])}
        aria-label={`Regenerate the ${what}`}
        data-testid="regenerate"
      >
        {regenerate.isPending ? "regenerating…" : "regenerate"}
      </button>
      <SteerError error={regenerate.error} />
    </span>
  );
}

/** One click re-runs every stale output of the round, in the order they depend on each other. */
export function RerunStale({ roundIndex, stale }: { roundIndex: number; stale: string[] }) {
  const regenerate = useRegenerate(roundIndex);
  const can = useCanRegenerate(roundIndex, stale[0] ?? "");
  if (stale.length === 0) return null;
  return (
    <span className="flex flex-wrap items-center gap-2" data-testid="stale-outputs">
      <span className="rounded-full bg-warning/20 px-2 py-0.5 text-xs font-medium">
        Stale: {stale.map((o) => (o === "counselor" ? "counselor reply" : "client reply")).join(", ")}
      </span>
      {can ? (
        <Button disabled={regenerate.isPending} onClick={() => regenerate.mutate(stale)}>
          {regenerate.isPending ? "Re-running…" : "Re-run stale outputs"}
        </Button>
      ) : null}
      <SteerError error={regenerate.error} />
    </span>
  );
}
