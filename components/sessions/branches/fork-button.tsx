"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { createContext, useContext } from "react";
import { Button, textActionClass } from "@/components/ui/button";
import { fetchParsed } from "@/components/ui/fetch-json";
import { forkSessionResponseSchema } from "@/lib/sessions/schema";

/** The session whose rounds may be forked; null where forking makes no sense (imported sessions). */
export const ForkContext = createContext<{ sessionId: string; maxRounds: number } | null>(null);

/** "Fork after this round": a new paused session sharing rounds 1..round, opened at once. */
export function ForkButton({ round, ended }: { round: number; ended: boolean }) {
  const fork = useContext(ForkContext);
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: async () => {
      if (!fork) throw new Error("This session cannot be forked");
      return fetchParsed(forkSessionResponseSchema, `/api/sessions/${fork.sessionId}/fork`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ round }),
      });
    },
    onSuccess: ({ id }) => router.push(`/sessions/${id}`),
  });
  // After the last round or the client's [/END] a fork would have nothing left to play.
  if (!fork || ended || round >= fork.maxRounds) return null;
  return (
    <span className="ml-auto flex items-center gap-2">
      {mutation.error ? (
        <span role="alert" className="text-xs text-danger">
          {mutation.error.message}
        </span>
      ) : null}
      <Button
        variant="ghost"
        className="px-2 py-0.5 text-xs"
        onClick={() => mutation.mutate()}
        disabled={mutation.isPending}
        data-testid="fork-round"
      >
        {mutation.isPending ? "Forking…" : "Fork after this round"}
      </Button>
      <Link
        href={`/sessions/${fork.sessionId}/fork?round=${round}`}
        className={textActionClass("px-2 py-0.5")}
        data-testid="fork-with-changes"
      >
        Fork with changes…
      </Link>
    </span>
  );
}
