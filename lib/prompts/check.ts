import { AppError } from "@/lib/errors";
import { DEFAULT_PROMPTS } from "./registry";
import { type PromptRole, type PromptTemplate, placeholdersIn, templateFromText } from "./template";

const BLOCK_BODY = /\{\{#([a-z_]+)\}\}[\s\S]*?\{\{\/\1\}\}/g;

/**
 * The variables a role's template may use: those the engine gives that agent (the built-in template
 * uses each of them). `required` are those it uses outside optional blocks: the agent's core inputs,
 * which a version must keep.
 */
export function variablesOfRole(role: PromptRole): { allowed: string[]; required: string[] } {
  const builtin = DEFAULT_PROMPTS[role];
  const text = `${builtin.system}\n${builtin.user}`;
  return { allowed: placeholdersIn(text), required: placeholdersIn(text.replace(BLOCK_BODY, "")) };
}

/** A new version's text as a template; an unknown or a missing required variable is refused by name. */
export function checkPromptTemplate(role: PromptRole, version: number, text: string): PromptTemplate {
  const template = templateFromText(role, version, text);
  const used = placeholdersIn(`${template.system}\n${template.user}`);
  const { allowed, required } = variablesOfRole(role);
  const unknown = used.filter((name) => !allowed.includes(name));
  if (unknown.length) {
    throw new AppError(
      "validation",
      `Unknown variable {{${unknown[0]}}} in the ${role} template: it may use ${allowed.map((n) => `{{${n}}}`).join(", ")}`,
      unknown.map((name) => ({ field: "template", message: `unknown variable ${name}` })),
    );
  }
  const missing = required.filter((name) => !used.includes(name));
  if (missing.length) {
    throw new AppError(
      "validation",
      `The ${role} template must use {{${missing[0]}}}: the agent needs it`,
      missing.map((name) => ({ field: "template", message: `missing required variable ${name}` })),
    );
  }
  return template;
}
