import { specialistPrompt } from "./specialist";

export const questioningPrompt = specialistPrompt(
  "questioning",
  [
    "Ask open questions that help the client look more closely at their thoughts, feelings or",
    "circumstances, in the spirit of guided discovery. Ask; do not advise.",
  ].join("\n"),
);
