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
import {
  formatCandidates,
  formatHistory,
  formatPlan,
  formatTechniqueOptions,
  lengthGuidance,
} from "./values";

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

  it("asks for no length, number of steps or number of questions anywhere", () => {
    for (const role of PROMPT_ROLES) {
      const { messages } = renderPrompt(DEFAULT_PROMPTS[role], { ...everyValue, length_guidance: undefined });
      const text = messages.map((m) => m.content).join("\n");
      expect(text, role).not.toMatch(/\b(one|two|three|four|five) (to|or) \w+ (sentences|steps|techniques)/i);
      expect(text, role).not.toMatch(/at most|a single (question|sentence)|one question|no more than/i);
    }
  });
});

describe("optional blocks", () => {
  const template = {
    ...DEFAULT_PROMPTS.selector,
    user: "A\n\n{{#plan}}\nPlan: {{plan}}\n{{/plan}}\n\nB{{#plan}} (see plan){{/plan}}.\n{{history}}",
    variables: ["plan", "history"] as const,
  };
  const userOf = (values: Partial<Record<PromptVariable, string>>) =>
    renderPrompt(template, values).messages[1].content;

  it("keeps a block whose value is given and drops it, with its lines, when not", () => {
    expect(userOf({ plan: "P", history: "H" })).toBe("A\n\nPlan: P\n\nB (see plan).\nH");
    expect(userOf({ history: "H" })).toBe("A\n\nB.\nH");
    expect(userOf({ plan: "", history: "H" })).toBe("A\n\nB.\nH");
  });

  it("counts block names as used variables", () => {
    expect(placeholdersIn("{{#plan}}x{{/plan}} {{history}}").sort()).toEqual(["history", "plan"]);
  });

  it("refuses a block on an unknown variable", () => {
    expect(() => renderPrompt({ ...template, user: "{{#mystery}}x{{/mystery}}" }, {})).toThrowError(
      /unknown \{\{mystery\}\}/,
    );
  });

  it("adds the short-answer guidance only when asked for", () => {
    const values = { ...everyValue, ...lengthGuidance("specialist", true) };
    const short = renderPrompt(DEFAULT_PROMPTS["specialist:reflection"], values).messages[1].content;
    expect(short).toMatch(/Keep it short: one to three sentences\.$/);
    expect(lengthGuidance("client", false)).toEqual({});
  });
});

describe("renderPrompt", () => {
  it("refuses a missing value, naming it", () => {
    const { history: _history, ...withoutHistory } = everyValue;
    const specialist = DEFAULT_PROMPTS["specialist:reflection"];
    expect(() => renderPrompt(specialist, withoutHistory)).toThrowError(/needs \{\{history\}\}/);
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

  it("wraps candidates, labelled, in the fixed order of the five", () => {
    expect(formatCandidates([{ technique: "normalization", text: "Many feel this." }])).toBe(
      '<candidate technique="Normalization">\nMany feel this.\n</candidate>',
    );
    const shuffled = formatCandidates([
      { technique: "psycho_education", text: "E." },
      { technique: "reflection", text: "R." },
      { technique: "questioning", text: "Q?" },
    ]);
    expect([...shuffled.matchAll(/technique="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "Reflection",
      "Questioning",
      "Psycho-education",
    ]);
    expect(formatPlan({ technique: null, techniqueRaw: "Mindfulness", plan: "Breathe." })).toBe(
      "CBT technique: Mindfulness\nBreathe.",
    );
  });
});
