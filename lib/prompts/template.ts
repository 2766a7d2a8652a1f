import type { ModelMessage } from "ai";
import type { SpecialistTechnique } from "@/lib/cbt/techniques";
import { AppError } from "@/lib/errors";

/**
 * Every prompt the engine sends, keyed by the role that sends it. The same strings are the `role` column
 * of PromptVersion and AgentCall ("specialist:<technique>" for the five specialists).
 */
export type PromptRole =
  | "planner"
  | `specialist:${SpecialistTechnique}`
  | "selector"
  | "fuser"
  | "client"
  | "counselor:cactus"
  | "counselor:psych8k";

/** The judges of lib/eval: their prompts live in lib/prompts/judge*.ts, outside a session's prompt set. */
export type JudgeRole = `judge:${string}`;

/** What an agent call records as its prompt's role (the summarizer of follow-up sessions included). */
export type CallRole = PromptRole | JudgeRole | "summarizer";

/** Values a template may reference as `{{name}}`, or test with an optional block `{{#name}}...{{/name}}`. */
export type PromptVariable =
  | "client_information"
  | "reason_counseling"
  | "intake_form"
  | "first_utterance"
  | "history"
  | "plan"
  | "technique_list"
  | "technique_options"
  | "candidates"
  | "selector_answer"
  | "attitude"
  | "attitude_instruction"
  | "max_rounds"
  | "length_guidance";

export const PROMPT_VARIABLE_DOCS: Record<PromptVariable, string> = {
  client_information: "The demographic part of the intake form (name, age, occupation, family, ...).",
  reason_counseling: "Why the client is seeking counseling, in the intake form's words.",
  intake_form: "The whole intake form as written; only the simulated client sees it.",
  first_utterance: "The client's first message, from the opening exchange (the planner sees only this).",
  history: "The dialogue so far, one message per line, each starting with 'Counselor:' or 'Client:'.",
  plan: "The CBT technique and plan of the planner; not given when the variant has no planner.",
  technique_list: "The 12 CBT techniques the planner chooses from, one per line.",
  technique_options: "The five specialist techniques, numbered 1-5, each with a short description.",
  candidates:
    'The specialists\' candidate replies, each wrapped in <candidate technique="...">, in the fixed order of the five.',
  selector_answer:
    "The selector's answer as it wrote it (techniques and reasoning); not given without a selector.",
  attitude: "The client's attitude label: positive, neutral or negative.",
  attitude_instruction: "The paragraph telling the simulated client how to behave.",
  max_rounds: "How many counselor/client rounds the session runs for (after the opening exchange).",
  length_guidance: "A request for short answers; given only when the session's short-answers switch is on.",
};

/**
 * A versioned prompt. An optional block `{{#name}}...{{/name}}` is kept when `name` has a non-empty value
 * and dropped otherwise (with the line breaks right after its tags): that is how one template serves the
 * variants whose agent sees an input and those whose agent does not. The system text must start with the
 * role marker line `Role: <role>`: the offline simulator reads it to decide what to write, and
 * `renderPrompt` adds it if an edited template lost it.
 * Inputs sit in tagged sections (<history>...</history>) so both models and the simulator can find them.
 */
export interface PromptTemplate {
  role: PromptRole;
  version: number;
  system: string;
  user: string;
  /** The variables the template uses; rendering demands a value for each. */
  variables: readonly PromptVariable[];
  note?: string;
}

export type PromptVariables = Partial<Record<PromptVariable, string>>;

export interface RenderedPrompt {
  role: CallRole;
  version: number;
  messages: ModelMessage[];
}

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;
// A block on lines of its own takes its tags' line breaks with it; an inline block does not.
const BLOCK = /\{\{#([a-z_]+)\}\}(\n?)([\s\S]*?)\{\{\/\1\}\}\2/g;
const BLOCK_TAG = /\{\{[#/]([a-z_]+)\}\}/g;

export function roleMarker(role: PromptRole): string {
  return `Role: ${role}`;
}

/** Fills the template's placeholders and returns a system and a user message. */
export function renderPrompt(template: PromptTemplate, values: PromptVariables): RenderedPrompt {
  const system = ensureRoleMarker(template.role, fill(template, template.system, values));
  const user = fill(template, template.user, values);
  return {
    role: template.role,
    version: template.version,
    messages: [
      { role: "system", content: system },
      { role: "user", content: user },
    ],
  };
}

function fill(template: PromptTemplate, text: string, values: PromptVariables): string {
  const kept = text
    .replace(BLOCK, (_match, name: string, _newline: string, body: string) => {
      assertKnown(template, name);
      return values[name as PromptVariable] ? body : "";
    })
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return kept.replace(PLACEHOLDER, (_match, name: string) => {
    assertKnown(template, name);
    const value = values[name as PromptVariable];
    if (value === undefined) {
      throw new AppError("validation", `Prompt ${template.role} v${template.version} needs {{${name}}}`, [
        { field: name, message: "missing value" },
      ]);
    }
    return value;
  });
}

function assertKnown(template: PromptTemplate, name: string): void {
  if (name in PROMPT_VARIABLE_DOCS) return;
  throw new AppError("validation", `Prompt ${template.role} v${template.version} uses unknown {{${name}}}`, [
    { field: "template", message: `unknown variable ${name}` },
  ]);
}

function ensureRoleMarker(role: PromptRole, system: string): string {
  const marker = roleMarker(role);
  return system.trimStart().startsWith(marker) ? system : `${marker}\n${system}`;
}

/** The placeholders and block names a template text actually uses (for editors and validation). */
export function placeholdersIn(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER), ...text.matchAll(BLOCK_TAG)].map((m) => m[1]);
  return [...new Set(names)];
}

/** `{{#name}}`+body+`{{/name}}`: the body is shown only when `name` has a non-empty value. */
export function optionalBlock(name: PromptVariable, body: string): string {
  return `{{#${name}}}\n${body}\n{{/${name}}}`;
}

const SYSTEM_HEADING = "### system";
const USER_HEADING = "### user";

/** One text for PromptVersion.template: a "### system" section, then a "### user" section. */
export function templateToText(template: Pick<PromptTemplate, "system" | "user">): string {
  return `${SYSTEM_HEADING}\n${template.system.trim()}\n\n${USER_HEADING}\n${template.user.trim()}\n`;
}

/** The inverse of templateToText; variables are read from the placeholders the text uses. */
export function templateFromText(role: PromptRole, version: number, text: string): PromptTemplate {
  const userAt = text.indexOf(`\n${USER_HEADING}`);
  if (!text.trimStart().startsWith(SYSTEM_HEADING) || userAt < 0) {
    throw new AppError(
      "validation",
      `Prompt ${role} v${version} needs '${SYSTEM_HEADING}' and '${USER_HEADING}'`,
      [{ field: "template", message: "missing section heading" }],
    );
  }
  const system = text.slice(text.indexOf(SYSTEM_HEADING) + SYSTEM_HEADING.length, userAt).trim();
  const user = text.slice(userAt + USER_HEADING.length + 1).trim();
  const variables = placeholdersIn(`${system}\n${user}`).filter(
    (v): v is PromptVariable => v in PROMPT_VARIABLE_DOCS,
  );
  return { role, version, system, user, variables };
}
