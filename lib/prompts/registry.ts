import { clientPrompt } from "./client";
import { cactusCounselorPrompt } from "./counselor-cactus";
import { psych8kCounselorPrompt } from "./counselor-psych8k";
import { fuserPrompt } from "./fuser";
import { normalizationPrompt } from "./normalization";
import { plannerPrompt } from "./planner";
import { providingSolutionsPrompt } from "./providing-solutions";
import { psychoEducationPrompt } from "./psycho-education";
import { questioningPrompt } from "./questioning";
import { reflectionPrompt } from "./reflection";
import { selectorPrompt } from "./selector";
import type { PromptRole, PromptTemplate } from "./template";

/** One template per role. A session freezes such a set in its config; edited versions come from PromptVersion. */
export type PromptSet = Record<PromptRole, PromptTemplate>;

export const DEFAULT_PROMPTS: PromptSet = {
  planner: plannerPrompt,
  "specialist:reflection": reflectionPrompt,
  "specialist:questioning": questioningPrompt,
  "specialist:providing_solutions": providingSolutionsPrompt,
  "specialist:normalization": normalizationPrompt,
  "specialist:psycho_education": psychoEducationPrompt,
  selector: selectorPrompt,
  fuser: fuserPrompt,
  client: clientPrompt,
  "counselor:cactus": cactusCounselorPrompt,
  "counselor:psych8k": psych8kCounselorPrompt,
};

export const PROMPT_ROLES = Object.keys(DEFAULT_PROMPTS) as PromptRole[];
