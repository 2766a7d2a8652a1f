import { describe, expect, it } from "vitest";
import { experimentCells, modelArms, sessionCount, takenProfileCount } from "./design";
import { experimentDesignSchema } from "./schema";

const design = (extra: object) => experimentDesignSchema.parse({ name: "d", variants: ["magnet"], ...extra });
const A = { provider: "offline", modelId: "a" } as const;
const B = { provider: "offline", modelId: "b" } as const;

describe("an experiment's cells", () => {
  it("are one default arm when no agent's model is an axis", () => {
    expect(modelArms({})).toEqual([{ name: "default", models: {} }]);
  });

  it("cross every agent's model choices into named arms", () => {
    const arms = modelArms({ planner: [A, B], client: [A] });
    expect(arms.map((arm) => arm.name)).toEqual([
      "planner=offline/a,client=offline/a",
      "planner=offline/b,client=offline/a",
    ]);
    expect(arms[1].models).toEqual({ planner: B, client: A });
  });

  it("are profiles × variants × arms × repeats, repeat by repeat", () => {
    const d = design({ variants: ["magnet", "no_selector"], models: { planner: [A, B] }, repeats: 2 });
    const cells = experimentCells(d, ["p1", "p2", "p3"]);
    expect(cells).toHaveLength(3 * 2 * 2 * 2);
    expect(sessionCount(d, 3)).toBe(24);
    expect(cells.slice(0, 12).every((cell) => cell.repeat === 1)).toBe(true);
    const keys = cells.map((c) => `${c.profile}|${c.variant}|${c.arm.name}|${c.repeat}`);
    expect(new Set(keys).size).toBe(24);
  });

  it("the issue's example: 3 profiles × 2 variants = 6 sessions", () => {
    expect(
      sessionCount(design({ variants: ["magnet", "no_selector"], attitudes: ["negative"], limit: 3 }), 3),
    ).toBe(6);
  });

  it("take the first `limit` matching profiles of each attitude, or all of them without a limit", () => {
    expect(takenProfileCount(design({ limit: 2 }), [5, 1, 3])).toBe(2 + 1 + 2);
    expect(takenProfileCount(design({}), [5, 1, 3])).toBe(9);
  });

  it("refuses a repeated variant or model and a zero repeat, naming the field", () => {
    const fields = (input: object) =>
      experimentDesignSchema.safeParse({ name: "d", ...input }).error?.issues.map((i) => i.path.join("."));
    expect(fields({ variants: ["magnet", "magnet"] })).toEqual(["variants"]);
    expect(fields({ variants: ["magnet"], models: { planner: [A, A] } })).toEqual(["models.planner"]);
    expect(fields({ variants: ["magnet"], repeats: 0 })).toEqual(["repeats"]);
  });
});
