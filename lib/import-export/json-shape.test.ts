import { describe, expect, it } from "vitest";
import { checkJsonShape } from "./json-shape";

describe("checkJsonShape", () => {
  it("accepts lists and objects up to the limit, at any depth", () => {
    expect(checkJsonShape(JSON.stringify([1, 2, 3]), 3, 4)).toEqual({ ok: true });
    expect(checkJsonShape(JSON.stringify({ a: [{ b: 1, c: 2, d: 3 }] }), 3, 4)).toEqual({ ok: true });
    expect(checkJsonShape("[]", 1, 1)).toEqual({ ok: true });
  });

  it("stops at the first list or object with one entry too many, saying how deep it is", () => {
    expect(checkJsonShape(JSON.stringify([1, 2, 3, 4]), 3, 4)).toEqual({
      ok: false,
      reason: "entries",
      depth: 1,
    });
    expect(checkJsonShape(JSON.stringify({ d: [0, 0, 0, 0] }), 3, 4)).toMatchObject({ depth: 2 });
    expect(checkJsonShape(JSON.stringify({ a: 1, b: 2, c: 3, d: 4 }), 3, 4)).toMatchObject({
      reason: "entries",
    });
  });

  it("does not count commas, brackets or escaped quotes inside strings", () => {
    const text = JSON.stringify(["a,b,c,d,[[[[", 'say "x,y,z" \\', "{,,,}"]);
    expect(checkJsonShape(text, 3, 1)).toEqual({ ok: true });
  });

  it("refuses nesting deeper than allowed", () => {
    expect(checkJsonShape("[[[[1]]]]", 10, 3)).toEqual({ ok: false, reason: "depth", depth: 4 });
  });

  it("refuses 64 MB of [0,0,0,…], whose parse would build 32 million values", () => {
    const text = `[${"0,".repeat(32 * 1024 * 1024 - 1)}0]`;
    expect(checkJsonShape(text, 10_000, 32)).toEqual({ ok: false, reason: "entries", depth: 1 });
  });
});
