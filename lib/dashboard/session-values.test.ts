import { describe, expect, it } from "vitest";
import { PANAS_NEGATIVE, PANAS_POSITIVE } from "@/lib/eval/scales";
import { type JudgedRow, type SessionFacts, sessionValues } from "./session-values";

const row = (metric: string, item: string, score: number, judgeModel = "judge"): JudgedRow => ({
  metric,
  item,
  run: 1,
  score,
  judgeModel,
  simulated: false,
});

const facts = (overrides: Partial<SessionFacts>): SessionFacts => ({
  id: "s1",
  profileId: "p1",
  client: "Client",
  attitude: "negative",
  variant: "magnet",
  status: "completed",
  rounds: [],
  tokensIn: 0,
  tokensOut: 0,
  cost: null,
  tokens: [],
  judged: [],
  before: [],
  ...overrides,
});

describe("sessionValues", () => {
  it("leaves out what a session does not record: selections, token counts, text", () => {
    const values = sessionValues(facts({ rounds: [{ selectedTechniques: [] }, { selectedTechniques: [] }] }));
    expect(values).toMatchObject({
      rounds: 2,
      "technique.reflection": null,
      tokens: null,
      ead: null,
      ctrs: null,
    });
  });

  it("needs all ten feelings of an affect, before and after, for its PANAS shift", () => {
    const after = [
      ...PANAS_POSITIVE.map((f) => row("panas_after", f, 4)),
      ...PANAS_NEGATIVE.slice(1).map((f) => row("panas_after", f, 1)),
    ];
    const before = [...PANAS_POSITIVE, ...PANAS_NEGATIVE].map((f) => row("panas_before", f, 2));
    expect(sessionValues(facts({ judged: after, before }))).toMatchObject({
      "panas.positive": 2,
      "panas.negative": null,
    });
  });

  it("scores by the newest judge only, and the CTRS mean needs every item", () => {
    const judged = [row("ctrs", "understanding", 6, "new"), row("ctrs", "focus", 2, "old")];
    expect(sessionValues(facts({ judged }))).toMatchObject({
      "ctrs.understanding": 6,
      "ctrs.focus": null,
      ctrs: null,
    });
  });
});
