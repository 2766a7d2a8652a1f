import { CLIENT_CONTEXT, HISTORY, LENGTH_GUIDANCE, PLAN } from "./sections";
import type { PromptTemplate } from "./template";

/** Baseline (CACTUS): one counselor with the client information, the reason, the plan and the dialogue. */
export const cactusCounselorPrompt: PromptTemplate = {
  role: "counselor:cactus",
  version: 2,
  variables: ["client_information", "reason_counseling", "plan", "history", "length_guidance"],
  system: [
    "Role: counselor:cactus",
    "You are a CBT counselor leading a session by a plan prepared for this client. Respond to what the",
    "client says while steadily moving the session along the plan.",
  ].join("\n"),
  user: [
    CLIENT_CONTEXT,
    "",
    PLAN,
    "",
    HISTORY,
    "",
    "Write the counselor's next message. Write only the message.",
    "",
    LENGTH_GUIDANCE,
  ].join("\n"),
};
