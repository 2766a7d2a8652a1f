import { describe, expect, it } from "vitest";
import { parseExperimentArgs } from "./experiment-args";

const base = ["--name", "N", "--variants", "magnet,no_selector"];

describe("npm run experiment's flags", () => {
  it("read the issue's example", () => {
    const options = parseExperimentArgs([
      "--",
      ...base,
      "--attitudes",
      "negative",
      "--profiles",
      "all",
      "--limit",
      "3",
      "--rounds",
      "2",
      "--repeats",
      "2",
      "--evaluate",
      "ctrs,diversity",
      "--wait",
    ]);
    expect(options?.design).toMatchObject({
      name: "N",
      variants: ["magnet", "no_selector"],
      attitudes: ["negative"],
      profiles: "all",
      limit: 3,
      rounds: 2,
      repeats: 2,
      evaluate: ["ctrs", "diversity"],
    });
    expect(options?.wait).toBe(true);
  });

  it("make each agent's model an axis", () => {
    const options = parseExperimentArgs([...base, "--model", "planner=offline:a,openai:gpt-4o"]);
    expect(options?.design.models).toEqual({
      planner: [
        { provider: "offline", modelId: "a" },
        { provider: "openai", modelId: "gpt-4o" },
      ],
    });
  });

  it("name the bad flag and value", () => {
    expect(() => parseExperimentArgs([...base, "--variants", "best"])).toThrow(/--variants: .*"best"/);
    expect(() => parseExperimentArgs([...base, "--attitudes", "grumpy"])).toThrow(/--attitudes: .*grumpy/);
    expect(() => parseExperimentArgs([...base, "--rounds", "99"])).toThrow(/--rounds: .*99/);
    expect(() => parseExperimentArgs([...base, "--repeats", "two"])).toThrow(
      /--repeats must be a whole number \(got "two"\)/,
    );
    expect(() => parseExperimentArgs([...base, "--evaluate", "bleu"])).toThrow(/--evaluate: .*bleu/);
    expect(() => parseExperimentArgs([...base, "--model", "boss=offline:a"])).toThrow(
      /--model .*"boss=offline:a"/,
    );
    expect(() => parseExperimentArgs([...base, "--colour"])).toThrow(/unknown flag --colour/);
    expect(() => parseExperimentArgs(["--variants", "magnet"])).toThrow(/--name is required/);
  });
});
