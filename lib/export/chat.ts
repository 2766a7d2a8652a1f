import { finetuneSystemMessage } from "@/lib/prompts/finetune-counselor";
import { dialogueOf } from "./magnet";
import type { ExportSession } from "./records";
import type { ChatSplit } from "./schema";

// Fine-tuning pairs as the paper builds them: for every counselor message after the opening, the input
// is the client information, the reason for counseling and the dialogue before that message; the target
// is the message. A 20-round session gives 20 pairs.

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ChatExample {
  messages: ChatMessage[];
}

export function chatExamples(session: ExportSession): ChatExample[] {
  const system: ChatMessage = {
    role: "system",
    content: finetuneSystemMessage(session.profile.clientInformation, session.profile.reasonForCounseling),
  };
  const turns: ChatMessage[] = dialogueOf(session).map((m) => ({
    role: m.role === "counselor" ? "assistant" : "user",
    content: m.message,
  }));
  const examples: ChatExample[] = [];
  // Index 0 is the opening greeting, which comes from the seed; the targets are 2, 4, 6, …
  for (let at = 2; at < turns.length; at += 2) {
    examples.push({ messages: [system, ...turns.slice(0, at + 1)] });
  }
  return examples;
}

export type SplitName = "train" | "validation" | "other";

/** The paper's split is by session number; sessions outside both ranges (or without one) are "other". */
export function splitOf(sessionNumber: number | null, split: ChatSplit): SplitName {
  if (sessionNumber === null) return "other";
  for (const name of ["train", "validation"] as const) {
    const range = split[name];
    if (sessionNumber >= range.from && sessionNumber <= range.to) return name;
  }
  return "other";
}
