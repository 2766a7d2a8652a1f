import { HISTORY, LENGTH_GUIDANCE } from "./sections";
import type { PromptTemplate } from "./template";

/** Baseline (Psych8k): one supportive counselor that sees the dialogue only, no intake and no plan. */
export const psych8kCounselorPrompt: PromptTemplate = {
  role: "counselor:psych8k",
  version: 2,
  variables: ["history", "length_guidance"],
  system: [
    "Role: counselor:psych8k",
    "You are a supportive mental-health counselor talking with a client. Listen closely, respond with",
    "empathy, and help the client make sense of what they are going through.",
  ].join("\n"),
  user: [
    HISTORY,
    "",
    "Write the counselor's next message. Write only the message.",
    "",
    LENGTH_GUIDANCE,
  ].join("\n"),
};
