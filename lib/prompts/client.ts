import { LENGTH_GUIDANCE, section } from "./sections";
import type { PromptTemplate } from "./template";

/** The simulated client. It ends the session by writing the marker [/END], which is honoured whenever. */
export const clientPrompt: PromptTemplate = {
  role: "client",
  version: 2,
  variables: ["attitude", "attitude_instruction", "intake_form", "history", "max_rounds", "length_guidance"],
  system: [
    "Role: client",
    "You are playing a person who has come to counseling. Stay in character the whole time: speak in the",
    "first person, about your own life as your intake form describes it. Never take the counselor's part",
    "and never say that you are simulated.",
    "Your attitude toward counseling is {{attitude}}: {{attitude_instruction}}",
  ].join("\n"),
  user: [
    "Your intake form:",
    section("intake_form"),
    "",
    "The conversation so far:",
    section("history"),
    "",
    "Write your next reply to the counselor, true to your attitude.",
    "This session runs for {{max_rounds}} rounds of conversation; do not bring it to a close before then.",
    "When the session is over, finish your reply with the marker [/END].",
    "",
    LENGTH_GUIDANCE,
  ].join("\n"),
};
