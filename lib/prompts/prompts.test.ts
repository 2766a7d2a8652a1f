import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { DEFAULT_PROMPTS, PROMPT_ROLES } from "./registry";
import {
  PROMPT_VARIABLE_DOCS,
  type PromptVariable,
  placeholdersIn,
  renderPrompt,
  templateFromText,
  templateToText,
} from "./template";
import { formatCandidates, formatHistory, formatPlan, formatTechniqueOptions, NO_PLAN_TEXT } from "./values";

const everyValue = Object.fromEntries(
  Object.keys(PROMPT_VARIABLE_DOCS).map((name) => [name, `<<${name} value>>`]),
) as Record<PromptVariable, string>;

describe("DEFAULT_PROMPTS", () => {
  it("has one versioned template for each of the 11 roles", () => {
    expect(PROMPT_ROLES).toHaveLength(11);
    for (const role of PROMPT_ROLES) {
      expect(DEFAULT_PROMPTS[role].role).toBe(role);
      expect(DEFAULT_PROMPTS[role].version).toBeGreaterThanOrEqual(1);
    }
  });

  it.each(PROMPT_ROLES)(
    "%s declares exactly the variables it uses and starts with its role marker",
    (role) => {
      const template = DEFAULT_PROMPTS[role];
      const used = placeholdersIn(`${template.system}\n${template.user}`).sort();
      expect(used).toEqual([...template.variables].sort());
      expect(template.system.split("\n")[0]).toBe(`Role: ${role}`);
      const { messages } = renderPrompt(template, everyValue);
      expect(messages.map((m) => m.role)).toEqual(["system", "user"]);
      const text = messages.map((m) => m.content).join("\n");
      expect(text).not.toMatch(/\{\{/);
      for (const variable of template.variables) expect(text).toContain(`<<${variable} value>>`);
    },
  );
});

describe("renderPrompt", () => {
  it("refuses a missing value, naming it", () => {
    const { history: _history, ...withoutHistory } = everyValue;
    expect(() => renderPrompt(DEFAULT_PROMPTS.fuser, withoutHistory)).toThrowError(/needs \{\{history\}\}/);
  });

  it("refuses an unknown placeholder", () => {
    const template = { ...DEFAULT_PROMPTS.fuser, user: "{{mystery}}" };
    expect(() => renderPrompt(template, everyValue)).toThrowError(AppError);
  });

  it("adds the role marker to an edited template that lost it", () => {
    const template = { ...DEFAULT_PROMPTS.selector, system: "You pick techniques." };
    const { messages } = renderPrompt(template, everyValue);
    expect(messages[0].content).toBe("Role: selector\nYou pick techniques.");
  });
});

describe("template text for PromptVersion", () => {
  it("round-trips", () => {
    const template = DEFAULT_PROMPTS.planner;
    const back = templateFromText("planner", 2, templateToText(template));
    expect(back).toMatchObject({ role: "planner", version: 2, system: template.system, user: template.user });
    expect([...back.variables].sort()).toEqual([...template.variables].sort());
  });

  it("rejects text without sections", () => {
    expect(() => templateFromText("planner", 1, "just text")).toThrowError(AppError);
  });
});

describe("prompt values", () => {
  it("formats history one message per line", () => {
    const history = formatHistory([
      { role: "counselor", message: "Hello.\nHow are you?" },
      { role: "client", message: "Tired." },
    ]);
    expect(history).toBe("Counselor: Hello. How are you?\nClient: Tired.");
  });

  it("numbers the five techniques in the selector's order", () => {
    expect(formatTechniqueOptions().split("\n")[0]).toMatch(/^1\. reflection \(Reflection\)/);
  });

  it("wraps candidates and states when there is no plan", () => {
    expect(formatCandidates([{ technique: "normalization", text: "Many feel this." }])).toBe(
      '<candidate technique="Normalization">\nMany feel this.\n</candidate>',
    );
    expect(formatPlan(null)).toBe(NO_PLAN_TEXT);
    expect(formatPlan({ technique: null, techniqueRaw: "Mindfulness", plan: "Breathe." })).toBe(
      "CBT technique: Mindfulness\nBreathe.",
    );
  });
});
