import { HISTORY, PLAN, section } from "./sections";
import { optionalBlock, type PromptTemplate } from "./template";

/** As in the method: the plan (when there is one) and the dialogue, no client information. */
export const selectorPrompt: PromptTemplate = {
  role: "selector",
  version: 2,
  variables: ["plan", "history", "technique_options"],
  system: [
    "Role: selector",
    "You are a CBT supervisor following a session as it happens. You decide which kinds of response the",
    "counselor's next message should draw on. You do not write that message yourself.",
  ].join("\n"),
  user: [
    optionalBlock("plan", PLAN),
    "",
    HISTORY,
    "",
    "The response techniques available:",
    section("technique_options"),
    "",
    "A session tends to follow an arc: the counselor first explores the client's situation and works to",
    "understand it, then helps the client see that their reactions are normal, and later offers solutions",
    "together with psycho-education. Judge where this conversation stands on that arc{{#plan}} and what the",
    "plan calls for{{/plan}}, and name every technique that fits the counselor's next message, as few or as",
    "many as the moment needs.",
    'Write the chosen technique keys, as listed, on a first line starting with "Techniques:", then explain',
    'your choice after "Reasoning:".',
  ].join("\n"),
};
