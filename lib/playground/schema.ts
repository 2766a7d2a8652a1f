import { z } from "zod";
import { requiredTextSchema } from "@/lib/http/fields";
import { modelOverrideSchema } from "@/lib/sessions/schema";

export const MAX_PLAYGROUND_SAMPLES = 8;

/** One playground run of a stored call's inputs: a template (edited or a version's), a model and N samples. */
export const playgroundRunRequestSchema = z
  .object({
    /** "### system" then "### user", as the Prompts page shows a version. */
    template: requiredTextSchema(40_000),
    model: modelOverrideSchema,
    temperature: z.number().min(0).max(2),
    samples: z.int().min(1).max(MAX_PLAYGROUND_SAMPLES),
  })
  .strict();

export type PlaygroundRunRequest = z.output<typeof playgroundRunRequestSchema>;

/** The sample a streamed call belongs to: calls of a playground run are named `sample-<n>`, n from 1. */
export function sampleCallId(sample: number): string {
  return `sample-${sample}`;
}

export function sampleOfCallId(callId: string): number | null {
  const match = /^sample-(\d+)$/.exec(callId);
  return match ? Number(match[1]) : null;
}

/** What the playground page opens with: the stored call, its inputs and what may be changed. */
export interface PlaygroundSource {
  call: {
    id: string;
    sessionId: string;
    roundIndex: number | null;
    role: string;
    provider: string;
    modelId: string;
    temperature: number | null;
    promptVersion: number | null;
    output: string | null;
  };
  /** The variables the stored prompt was rendered from; null when they could not be read back. */
  values: Record<string, string> | null;
  /** In a follow-up session: the summary of the session before, appended after the template's text. */
  previousSession: string | null;
  /** The template text the call used (its version's), or the stored messages when no version matched. */
  template: string;
  versions: { version: number; template: string; note: string | null; isActive: boolean }[];
}
