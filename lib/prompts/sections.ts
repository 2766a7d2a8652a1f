import type { PromptVariable } from "./template";

/** A tagged input section, e.g. `<history>\n{{history}}\n</history>`. */
export function section(name: PromptVariable): string {
  return `<${name}>\n{{${name}}}\n</${name}>`;
}

/** The counselor-side context every counselor agent sees: who the client is and why they came. */
export const CLIENT_CONTEXT = [
  "What the intake form says about the client:",
  section("client_information"),
  section("reason_counseling"),
].join("\n");

/** The plan and the dialogue, for the agents that steer the session (selector, fuser, baseline). */
export const PLAN_AND_HISTORY = [
  "The counseling plan for this session:",
  section("plan"),
  "",
  "The conversation so far:",
  section("history"),
].join("\n");
