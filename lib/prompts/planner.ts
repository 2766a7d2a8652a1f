import { CLIENT_CONTEXT, LENGTH_GUIDANCE, section } from "./sections";
import type { PromptTemplate } from "./template";

/** As in the method, the planner sees the intake and the client's first words, not the whole dialogue. */
export const plannerPrompt: PromptTemplate = {
  role: "planner",
  version: 2,
  variables: [
    "client_information",
    "reason_counseling",
    "first_utterance",
    "technique_list",
    "length_guidance",
  ],
  system: [
    "Role: planner",
    "You are an experienced cognitive behavioral therapy (CBT) counselor getting ready to work with a new",
    "client. From the intake form and the first thing the client said, you choose the CBT technique that",
    "suits this client best and work out how you will apply it.",
  ].join("\n"),
  user: [
    CLIENT_CONTEXT,
    "",
    "The client's first words in the session:",
    section("first_utterance"),
    "",
    "The CBT techniques to choose from:",
    section("technique_list"),
    "",
    'Start with the technique you choose, named as listed, on a line beginning with "Technique:". Then,',
    'after "Plan:", set out how you will use it with this client, in as much detail as you find useful.',
    "",
    LENGTH_GUIDANCE,
  ].join("\n"),
};
