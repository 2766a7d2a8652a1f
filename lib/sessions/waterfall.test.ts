import { describe, expect, it } from "vitest";
import { criticalPath, placeBars, type WaterfallBar } from "./waterfall";

const bar = (id: string, start: number, end: number): WaterfallBar => ({
  id,
  role: id,
  attempt: 1,
  status: "succeeded",
  start,
  end,
  running: false,
});

// A MAGneT round: five specialists and the selector together, the fuser after all of them, then the client.
const round = [
  bar("reflection", 0, 900),
  bar("questioning", 0, 1_400),
  bar("selector", 5, 700),
  bar("normalization", 2, 1_100),
  bar("fuser", 1_410, 2_400),
  bar("client", 2_405, 3_000),
];

describe("round waterfall", () => {
  it("finds the critical path: the slowest specialist, then the fuser, then the client", () => {
    expect(criticalPath(round)).toEqual(["questioning", "fuser", "client"]);
  });

  it("places bars on one axis from the first start to the last end", () => {
    const { bars, spanMs } = placeBars(round);
    expect(spanMs).toBe(3_000);
    const client = bars.find((b) => b.id === "client");
    expect(client?.left).toBeCloseTo(80.17, 1);
    expect(client?.width).toBeCloseTo(19.83, 1);
    expect(bars.filter((b) => b.critical).map((b) => b.id)).toEqual(["questioning", "fuser", "client"]);
    expect(bars[0].start).toBe(0);
  });

  it("ends with calls that have just started and have no length yet (end = start)", () => {
    const starting = [bar("questioning", 0, 5), bar("selector", 10, 10), bar("reflection", 10, 10)];
    expect(criticalPath(starting)).toEqual(["questioning", "reflection", "selector"]);
  });

  it("has nothing to place for a round without calls", () => {
    expect(placeBars([])).toEqual({ bars: [], spanMs: 0 });
    expect(criticalPath([])).toEqual([]);
  });
});
