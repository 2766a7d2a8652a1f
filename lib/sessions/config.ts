// Reading the frozen configuration snapshot stored on a session (written by createSession in create.ts:
// the engine's SessionConfig plus `snapshotVersion`, `variant` and the `profile` snapshot).

import { z } from "zod";
import { departuresOf } from "@/lib/pipeline/switches";
import { VARIANT_SHAPES } from "@/lib/pipeline/variants";

interface StoredAgent {
  model?: { provider?: string; modelId?: string };
}

interface StoredSnapshot {
  importedFrom?: string;
  variant?: string;
  agents?: Record<string, StoredAgent | undefined>;
}

/** A short description of the models a session used, for lists and headers. */
export function describeSessionModels(config: unknown): string {
  if (!config || typeof config !== "object") return "—";
  const snapshot = config as StoredSnapshot;
  if (snapshot.importedFrom) return "Imported (original run)";
  const agents = snapshot.agents ?? {};
  const used = agentsOfVariant(snapshot.variant) ?? Object.keys(agents);
  const ids = new Set(
    used.map((agent) => agents[agent]?.model?.modelId).filter((id): id is string => Boolean(id)),
  );
  return ids.size ? [...ids].join(", ") : "—";
}

/** The agents a variant calls (the config names a model for all of them); null for an unknown variant. */
export function agentsOfVariant(variant: string | undefined): string[] | null {
  const shape = VARIANT_SHAPES[variant as keyof typeof VARIANT_SHAPES];
  if (!shape) return null;
  const counselor = shape.counselor === "multi_agent" ? ["specialist", "fuser"] : ["counselor"];
  return [
    ...(shape.planner ? ["planner"] : []),
    ...counselor,
    ...(shape.selector ? ["selector"] : []),
    "client",
  ];
}

export function isOfflineSimulator(modelId: string): boolean {
  return modelId.includes("offline-simulator");
}

// Imported sessions hold no switches: they read as the method they were imported as.
const storedSwitchesSchema = z.object({
  snapshotVersion: z.number().optional().catch(undefined),
  switches: z
    .object({ fuseSelectedOnly: z.boolean().catch(false), shortAnswers: z.boolean().catch(false) })
    .catch({ fuseSelectedOnly: false, shortAnswers: false }),
  minRoundsBeforeEnd: z.number().catch(0),
  sequential: z.boolean().catch(false),
});

export const EARLIER_ENGINE = "Earlier engine, before the paper's defaults";

/** The session's departures from the published method, as labels; empty when it ran the paper's method. */
export function describeDepartures(config: unknown): string[] {
  const parsed = storedSwitchesSchema.safeParse(config);
  if (!parsed.success) return [];
  // Snapshot 1 came from the studio's first engine: chosen candidates only, capped lengths, and so on.
  if (parsed.data.snapshotVersion === 1) return [EARLIER_ENGINE];
  return departuresOf(parsed.data);
}
