import { optionalBlock, type PromptVariable } from "./template";

/** A tagged input section, e.g. `<history>\n{{history}}\n</history>`. */
export function section(name: PromptVariable): string {
  return `<${name}>\n{{${name}}}\n</${name}>`;
}

/** Who the client is and why they came: what the planner, the specialists and CACTUS's counselor see. */
export const CLIENT_CONTEXT = [
  "What the intake form says about the client:",
  section("client_information"),
  section("reason_counseling"),
].join("\n");

export const HISTORY = ["The conversation so far:", section("history")].join("\n");

export const PLAN = ["The counseling plan for this session:", section("plan")].join("\n");

/** Short-answer guidance, present only when the session's switch asks for it (never in the paper). */
export const LENGTH_GUIDANCE = optionalBlock("length_guidance", "{{length_guidance}}");
