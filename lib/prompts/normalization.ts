import { specialistPrompt } from "./specialist";

export const normalizationPrompt = specialistPrompt(
  "normalization",
  [
    "Let the client know that their reaction makes sense and is shared by many people in similar",
    "circumstances, without playing down what they feel.",
  ].join("\n"),
);
