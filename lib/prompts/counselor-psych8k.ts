import { CLIENT_CONTEXT, section } from "./sections";
import type { PromptTemplate } from "./template";

/** Baseline: a single supportive counselor with no plan (in the manner of Psych8k). */
export const psych8kCounselorPrompt: PromptTemplate = {
  role: "counselor:psych8k",
  version: 1,
  variables: ["client_information", "reason_counseling", "history"],
  system: [
    "Role: counselor:psych8k",
    "You are a supportive mental-health counselor talking with a client. Listen closely, respond with",
    "empathy, and help the client make sense of what they are going through.",
  ].join("\n"),
  user: [
    CLIENT_CONTEXT,
    "",
    "The conversation so far:",
    section("history"),
    "",
    "Write the counselor's next message, one to four sentences. Write only the message.",
  ].join("\n"),
};
