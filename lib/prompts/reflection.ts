import { specialistPrompt } from "./specialist";

export const reflectionPrompt = specialistPrompt(
  "reflection",
  [
    "Say back, in your own words, what the client has just told you and the feeling underneath it, so that",
    "they feel understood. Reflect; leave questions and advice to others.",
  ].join("\n"),
);
