import { HISTORY, LENGTH_GUIDANCE, PLAN, section } from "./sections";
import { optionalBlock, type PromptTemplate } from "./template";

/**
 * As in the method: the five candidates and the selector's answer, nothing else. Variants without a
 * selector give the plan (if any) and the dialogue instead of the selector's answer.
 */
export const fuserPrompt: PromptTemplate = {
  role: "fuser",
  version: 2,
  variables: ["candidates", "selector_answer", "plan", "history", "length_guidance"],
  system: [
    "Role: fuser",
    "You are a CBT counselor. Colleagues have each drafted the counselor's next message with a different",
    "technique. You write the one message the counselor actually says, built from their drafts.",
  ].join("\n"),
  user: [
    "The drafts, one per technique:",
    section("candidates"),
    "",
    optionalBlock(
      "selector_answer",
      ["A supervisor's view of which techniques fit this moment:", section("selector_answer")].join("\n"),
    ),
    "",
    optionalBlock("plan", PLAN),
    "",
    optionalBlock("history", HISTORY),
    "",
    "Write the one message the counselor says next, combining what is most useful in the drafts",
    "{{#selector_answer}}of the techniques the supervisor chose {{/selector_answer}}into a single coherent",
    "reply that sounds like one person talking, without repeating itself. Write only the message.",
    "",
    LENGTH_GUIDANCE,
  ].join("\n"),
};
