import { specialistPrompt } from "./specialist";

export const providingSolutionsPrompt = specialistPrompt(
  "providing_solutions",
  [
    "Offer concrete, manageable steps or coping strategies the client could try, fitted to what they have",
    "described, practical enough to start soon.",
  ].join("\n"),
);
