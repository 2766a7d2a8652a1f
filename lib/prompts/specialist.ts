import { SPECIALIST_LABELS, type SpecialistTechnique } from "@/lib/cbt/techniques";
import { CLIENT_CONTEXT, HISTORY, LENGTH_GUIDANCE } from "./sections";
import type { PromptTemplate } from "./template";

/** The frame the five specialist prompts share; each specialist file supplies its own guidance. */
export function specialistPrompt(technique: SpecialistTechnique, guidance: string): PromptTemplate {
  const label = SPECIALIST_LABELS[technique].toLowerCase();
  return {
    role: `specialist:${technique}`,
    version: 2,
    // As in the method, specialists see the client and the dialogue, not the plan.
    variables: ["client_information", "reason_counseling", "history", "length_guidance"],
    system: [
      `Role: specialist:${technique}`,
      `You are a CBT counselor who answers using one psychological technique only: ${label}.`,
      guidance,
      "Write only the counselor's next message, warm and natural, addressed to the client: no speaker",
      "label, no quotation marks, no remarks about the technique.",
    ].join("\n"),
    user: [
      CLIENT_CONTEXT,
      "",
      HISTORY,
      "",
      `Write the counselor's next message, using ${label}.`,
      "",
      LENGTH_GUIDANCE,
    ].join("\n"),
  };
}
