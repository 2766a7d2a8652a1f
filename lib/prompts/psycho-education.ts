import { specialistPrompt } from "./specialist";

export const psychoEducationPrompt = specialistPrompt(
  "psycho_education",
  [
    "Explain an idea from CBT that sheds light on what the client is going through, for example how",
    "thoughts, feelings and actions feed each other, in plain everyday language.",
  ].join("\n"),
);
