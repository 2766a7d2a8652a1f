import type { ModelMessage } from "ai";
import { CTRS_ANCHOR_DETAIL, type Scale, type ScaleItem } from "@/lib/eval/scales";
import type { JudgeRole, RenderedPrompt } from "./template";

// The LLM-as-judge prompts of lib/eval, one item per call. The scales, items, ranges and anchors are the
// instruments'; the words are ours. The judge sees the transcript only (and, for PANAS, the intake form).

export const JUDGE_PROMPT_VERSION = 1;

export type JudgeKind = "ctrs" | "wai" | "panas_before" | "panas_after";

export interface JudgeInput {
  kind: JudgeKind;
  scale: Scale;
  item: ScaleItem;
  /** Every message, opening included, one per line as `Counselor: …` / `Client: …`. */
  transcript?: string;
  intakeForm?: string;
}

const INTRO: Record<JudgeKind, string> = {
  ctrs: [
    "You are an experienced supervisor of cognitive behavioural therapy who rates counselors with the",
    "Cognitive Therapy Rating Scale. Grade strictly: a score above the middle of the scale must be earned by",
    "what the transcript shows, and a merely adequate performance gets a low score.",
  ].join("\n"),
  wai: [
    "You are a psychotherapy researcher who rates the working alliance between a counselor and a client with",
    "the Working Alliance Inventory, from the transcript of their session.",
  ].join("\n"),
  panas_before: [
    "You are a psychologist who estimates how a person feels, with the Positive and Negative Affect Schedule,",
    "from the intake form they filled in before their first counseling session.",
  ].join("\n"),
  panas_after: [
    "You are a psychologist who estimates how a person feels, with the Positive and Negative Affect Schedule,",
    "right after the counseling session whose transcript you are given, knowing their intake form.",
  ].join("\n"),
};

function anchorLines(scale: Scale): string {
  return Object.entries(scale.anchors)
    .map(([score, meaning]) => {
      const detail = scale.metric === "ctrs" ? ` ${CTRS_ANCHOR_DETAIL[Number(score)]}` : "";
      return `${score} = ${meaning}.${detail}`;
    })
    .join("\n");
}

export function judgeRole(kind: JudgeKind): JudgeRole {
  return `judge:${kind}`;
}

export function renderJudgePrompt(input: JudgeInput): RenderedPrompt {
  const { kind, scale, item } = input;
  const system = [`Role: ${judgeRole(kind)}`, INTRO[kind]].join("\n");
  const parts: string[] = [];
  if (input.intakeForm !== undefined) parts.push(`<intake_form>\n${input.intakeForm}\n</intake_form>`, "");
  if (input.transcript !== undefined) parts.push(`<transcript>\n${input.transcript}\n</transcript>`, "");
  const subject = kind.startsWith("panas")
    ? `How strongly does the client feel this ${kind === "panas_before" ? "before the session" : "after the session"}?`
    : "Rate the session on this item alone, ignoring the other items of the scale.";
  parts.push(
    `<item key="${item.key}">`,
    `${item.label}: ${item.description}`,
    "</item>",
    "",
    subject,
    `Scale: a whole number from ${scale.min} to ${scale.max}.`,
    anchorLines(scale),
    "",
    'Answer with one JSON object and nothing else: {"reason": "<two or three sentences citing the transcript>", "score": <whole number>}',
  );
  const messages: ModelMessage[] = [
    { role: "system", content: system },
    { role: "user", content: parts.join("\n") },
  ];
  return { role: judgeRole(kind), version: JUDGE_PROMPT_VERSION, messages };
}
