import { CLIENT_CONTEXT, PLAN_AND_HISTORY, section } from "./sections";
import type { PromptTemplate } from "./template";

export const fuserPrompt: PromptTemplate = {
  role: "fuser",
  version: 1,
  variables: ["client_information", "reason_counseling", "plan", "history", "candidates"],
  system: [
    "Role: fuser",
    "You are a CBT counselor. Colleagues have drafted possible next messages, each built on a different",
    "technique. You write the one message the counselor actually says, weaving their drafts together.",
  ].join("\n"),
  user: [
    CLIENT_CONTEXT,
    "",
    PLAN_AND_HISTORY,
    "",
    "The drafts:",
    section("candidates"),
    "",
    "Combine the drafts into one coherent counselor message of at most four sentences. Keep the most",
    "helpful part of each draft, drop repetition, ask at most one question, and make it sound like one",
    "person talking. Write only the message.",
  ].join("\n"),
};
