import { CLIENT_CONTEXT, section } from "./sections";
import type { PromptTemplate } from "./template";

/** Baseline: a single counselor that follows a CBT plan (in the manner of CACTUS). */
export const cactusCounselorPrompt: PromptTemplate = {
  role: "counselor:cactus",
  version: 1,
  variables: ["client_information", "reason_counseling", "plan", "history"],
  system: [
    "Role: counselor:cactus",
    "You are a CBT counselor leading a session by a plan prepared for this client. Respond to what the",
    "client says while steadily moving the session along the plan.",
  ].join("\n"),
  user: [
    CLIENT_CONTEXT,
    "",
    "Your plan for this session:",
    section("plan"),
    "",
    "The conversation so far:",
    section("history"),
    "",
    "Write the counselor's next message, one to four sentences. Write only the message.",
  ].join("\n"),
};
