import { isDeepStrictEqual } from "node:util";
import type { ModelMessage } from "ai";
import {
  type PromptTemplate,
  type PromptVariable,
  type PromptVariables,
  type RenderedPrompt,
  renderPrompt,
} from "@/lib/prompts";

/** What the engine did to the rendered prompt afterwards (a follow-up's summary appended), or nothing. */
export type PromptFinish = (prompt: RenderedPrompt) => RenderedPrompt;

const asRendered: PromptFinish = (prompt) => prompt;

const BLOCK_OPEN = /\{\{#([a-z_]+)\}\}/g;

/**
 * The variable values a stored prompt was rendered from, read back through the template that rendered
 * it: the template is rendered with a marker per variable, the markers become capture groups, and the
 * stored messages are matched against that. Only an answer that renders back to exactly the stored
 * messages is returned; otherwise null (another template, or text the template cannot produce).
 */
export function recoverPromptValues(
  template: PromptTemplate,
  messages: readonly ModelMessage[],
  finish: PromptFinish = asRendered,
): PromptVariables | null {
  const blocks = [
    ...new Set([...`${template.system}\n${template.user}`.matchAll(BLOCK_OPEN)].map((m) => m[1])),
  ];
  // Which optional blocks were kept decides the text around the values: try each combination.
  for (let kept = (1 << blocks.length) - 1; kept >= 0; kept--) {
    const absent = new Set(blocks.filter((_, i) => (kept & (1 << i)) === 0));
    const values = matchCombination(template, messages, absent, finish);
    if (values && isDeepStrictEqual(finish(renderPrompt(template, values)).messages, messages)) return values;
  }
  return null;
}

function matchCombination(
  template: PromptTemplate,
  messages: readonly ModelMessage[],
  absent: ReadonlySet<string>,
  finish: PromptFinish,
): PromptVariables | null {
  const markers: PromptVariables = {};
  for (const name of template.variables) {
    if (!absent.has(name)) markers[name] = marker(name);
  }
  let rendered: ModelMessage[];
  try {
    rendered = finish(renderPrompt(template, markers)).messages;
  } catch {
    return null; // a variable this combination leaves out is needed outside its block
  }
  if (rendered.length !== messages.length) return null;
  const values: PromptVariables = {};
  for (const [i, shape] of rendered.entries()) {
    const stored = messages[i];
    if (
      shape.role !== stored.role ||
      typeof shape.content !== "string" ||
      typeof stored.content !== "string"
    ) {
      return null;
    }
    const found = matchText(shape.content, stored.content, values);
    if (!found) return null;
  }
  // A block's name that no placeholder shows still needs a non-empty value to keep the block.
  for (const name of template.variables) {
    if (!absent.has(name) && values[name] === undefined) values[name] = "yes";
  }
  return values;
}

const MARK = "\u0001";
const marker = (name: string) => `${MARK}${name}${MARK}`;
const MARKER = new RegExp(`${MARK}([a-z_]+)${MARK}`, "g");

/** Matches `text` against a rendered shape; fills `values` (a variable seen twice must agree). */
function matchText(shape: string, text: string, values: PromptVariables): boolean {
  const names: PromptVariable[] = [];
  let source = "";
  let last = 0;
  for (const m of shape.matchAll(MARKER)) {
    source += escapeRegExp(shape.slice(last, m.index));
    const name = m[1] as PromptVariable;
    const seen = names.indexOf(name);
    source += seen >= 0 ? `\\${seen + 1}` : "([\\s\\S]*?)";
    if (seen < 0) names.push(name);
    last = (m.index ?? 0) + m[0].length;
  }
  source += escapeRegExp(shape.slice(last));
  const match = new RegExp(`^${source}$`).exec(text);
  if (!match) return false;
  for (const [i, name] of names.entries()) {
    const value = match[i + 1];
    if (values[name] !== undefined && values[name] !== value) return false;
    values[name] = value;
  }
  return true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
