import { specialistPrompt } from "./specialist";

export const providingSolutionsPrompt = specialistPrompt(
  "providing_solutions",
  [
    "Offer one concrete, manageable step or coping strategy the client could try, fitted to what they have",
    "just described and to the session plan. Keep it practical and small enough to start this week.",
  ].join("\n"),
);
