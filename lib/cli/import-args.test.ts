import { describe, expect, it } from "vitest";
import { parseImportArgs } from "./import-args";

describe("parseImportArgs", () => {
  it("takes paths, with the variant magnet unless one is given", () => {
    expect(parseImportArgs(["--", "a.json", "dir"])).toEqual({
      variant: "magnet",
      targets: ["a.json", "dir"],
    });
    expect(parseImportArgs(["--variant", "cactus_baseline", "out"])).toEqual({
      variant: "cactus_baseline",
      targets: ["out"],
    });
    expect(parseImportArgs(["out", "--variant=psych8k_baseline"])).toMatchObject({
      variant: "psych8k_baseline",
    });
    expect(parseImportArgs(["--help"])).toBeNull();
  });

  it("names what is wrong", () => {
    expect(() => parseImportArgs(["--variant", "gpt", "out"])).toThrow(
      /^--variant gpt is not one of magnet, /,
    );
    expect(() => parseImportArgs(["--variant", "magnet"])).toThrow(/^nothing to import\nUsage/);
    expect(() => parseImportArgs(["--rounds", "3", "out"])).toThrow(/--rounds/);
  });
});
