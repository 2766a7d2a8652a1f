"use client";

import { useMutation } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import { fetchJson } from "@/components/ui/fetch-json";
import type { SteeringCommand } from "@/lib/pipeline/steering";

/** The session the page steers, when the viewer may steer it (a researcher, a generated session). */
export const SteerContext = createContext<string | null>(null);

/** Sends one steering command; a 409 (someone answered first, or the round waits elsewhere) is its error. */
export function useSteer() {
  const sessionId = useContext(SteerContext);
  return useMutation({
    mutationFn: (command: SteeringCommand) =>
      fetchJson(`/api/sessions/${sessionId}/steer`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(command),
      }),
  });
}
