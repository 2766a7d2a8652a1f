import type { ModelMessage } from "ai";
import type { RenderedPrompt } from "./template";

// Follow-up sessions (the paper's first open question: longitudinal trajectories). A summarizer writes
// what a counselor needs from session 1 before session 2; session 2's agents get that summary. The
// words are ours.

export const SUMMARIZER_ROLE = "summarizer";
export const SUMMARIZER_PROMPT_VERSION = 1;

export interface SummarizerInput {
  clientInformation: string;
  reasonForCounseling: string;
  /** The plan of the session summarized, if it had a planner. */
  plan: string | null;
  /** Every message, the opening included, one per line as `Counselor: …` / `Client: …`. */
  history: string;
}

/** The summarizer's prompt: the intake, the plan and the whole previous session. */
export function renderSummarizerPrompt(input: SummarizerInput): RenderedPrompt {
  const system = [
    `Role: ${SUMMARIZER_ROLE}`,
    "You are a CBT counselor writing case notes after a counseling session, for the counselor who will see",
    "the same client next time. Be factual and brief; describe only what the transcript shows.",
  ].join("\n");
  const user = [
    "What the intake form says about the client:",
    `<client_information>\n${input.clientInformation}\n</client_information>`,
    `<reason_counseling>\n${input.reasonForCounseling}\n</reason_counseling>`,
    "",
    ...(input.plan ? ["The counseling plan of the session:", `<plan>\n${input.plan}\n</plan>`, ""] : []),
    "The session:",
    `<history>\n${input.history}\n</history>`,
    "",
    "Write a summary of this session in at most six sentences: the problem the client brought, what was",
    "explored, the CBT technique worked on, how the client responded, and what is left for the next session.",
    "Write only the summary.",
  ].join("\n");
  const messages: ModelMessage[] = [
    { role: "system", content: system },
    { role: "user", content: user },
  ];
  return { role: SUMMARIZER_ROLE, version: SUMMARIZER_PROMPT_VERSION, messages };
}

/**
 * Appended to the user message of a follow-up session's agents (never in a first session, whose prompts
 * stay exactly the method's): the summary of the session before.
 */
export function withPreviousSession(prompt: RenderedPrompt, summary: string): RenderedPrompt {
  const section = [
    "This is a follow-up session. A summary of the previous session with this client:",
    `<previous_session>\n${summary.trim()}\n</previous_session>`,
  ].join("\n");
  return {
    ...prompt,
    messages: prompt.messages.map((message) =>
      message.role === "user" && typeof message.content === "string"
        ? { ...message, content: `${message.content}\n\n${section}` }
        : message,
    ),
  };
}
