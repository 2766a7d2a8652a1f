import { specialistPrompt } from "./specialist";

export const questioningPrompt = specialistPrompt(
  "questioning",
  [
    "Ask a single open question that helps the client look more closely at their thoughts, feelings or",
    "circumstances, in the spirit of guided discovery. One question, no advice.",
  ].join("\n"),
);
