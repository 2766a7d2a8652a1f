import { describe, expect, it } from "vitest";
import { checkPromptTemplate, variablesOfRole } from "./check";
import { DEFAULT_PROMPTS } from "./registry";
import { templateToText } from "./template";

const builtin = (role: keyof typeof DEFAULT_PROMPTS) => templateToText(DEFAULT_PROMPTS[role]);

describe("checkPromptTemplate", () => {
  it("accepts every built-in template as a new version", () => {
    for (const role of Object.keys(DEFAULT_PROMPTS) as (keyof typeof DEFAULT_PROMPTS)[]) {
      expect(checkPromptTemplate(role, 9, builtin(role)).variables.length).toBeGreaterThan(0);
    }
  });

  it("rejects an unknown variable, naming it", () => {
    const text = builtin("selector").replace("### user\n", "### user\nMood: {{client_mood}}\n");
    expect(() => checkPromptTemplate("selector", 3, text)).toThrow(/\{\{client_mood\}\}/);
  });

  it("rejects a variable the role is not given (the client never sees the candidates)", () => {
    const text = `${builtin("client")}\n{{candidates}}`;
    expect(() => checkPromptTemplate("client", 3, text)).toThrow(/Unknown variable \{\{candidates\}\}/);
  });

  it("rejects a template that leaves out a required variable, naming it", () => {
    expect(variablesOfRole("fuser").required).toContain("candidates");
    const text = builtin("fuser").replaceAll("{{candidates}}", "");
    expect(() => checkPromptTemplate("fuser", 3, text)).toThrow(/must use \{\{candidates\}\}/);
  });
});
