import { z } from "zod";
import { MalformedOutputError } from "@/lib/pipeline/retry";
import type { Scale } from "./scales";

export interface Judgement {
  score: number;
  reason: string;
}

const FENCE = /^```(?:json)?\s*([\s\S]*?)\s*```$/;

/**
 * The judge's answer, strictly: one JSON object (a ```json fence around it is tolerated) with a non-empty
 * reason and a whole-number score inside the scale. Anything else throws MalformedOutputError, so the call
 * is retried and, in the end, recorded as failed: a score is never guessed from a malformed answer.
 */
export function parseJudgement(raw: string, scale: Scale): Judgement {
  const text = raw.trim();
  const body = text.match(FENCE)?.[1] ?? text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new MalformedOutputError("not a JSON object");
  }
  const schema = z
    .object({
      reason: z.string().trim().min(1),
      score: z.number().int().min(scale.min).max(scale.max),
    })
    .strict();
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MalformedOutputError(`${issue.path.join(".") || "answer"}: ${issue.message}`);
  }
  return parsed.data;
}
