import { CLIENT_CONTEXT, section } from "./sections";
import type { PromptTemplate } from "./template";

export const plannerPrompt: PromptTemplate = {
  role: "planner",
  version: 1,
  variables: ["client_information", "reason_counseling", "history", "technique_list"],
  system: [
    "Role: planner",
    "You are an experienced cognitive behavioral therapy (CBT) counselor preparing a session.",
    "Before the conversation goes on, you choose the one CBT technique that suits this client best",
    "and sketch how the session will put it to work.",
  ].join("\n"),
  user: [
    CLIENT_CONTEXT,
    "",
    "The session has opened like this:",
    section("history"),
    "",
    "Choose exactly one technique from this list:",
    section("technique_list"),
    "",
    "Answer in this format and nothing else:",
    "Technique: <the technique's name exactly as listed>",
    "Plan: <three to five numbered steps for using it with this client during the session>",
  ].join("\n"),
};
