import { describe, expect, it } from "vitest";
import { buildSessionConfig } from "@/lib/pipeline";
import { describeDepartures, describeSessionModels, EARLIER_ENGINE } from "./config";

describe("describeSessionModels", () => {
  const openai = (modelId: string) => ({ provider: "openai" as const, modelId });
  const env = { OPENAI_API_KEY: "sk-test", DEFAULT_MODEL: "gpt-4o-mini", MODEL_COUNSELOR: "gpt-4.1" };

  it("lists the distinct models of the agents the variant calls", () => {
    const config = buildSessionConfig({ models: { selector: openai("gpt-4o") } }, env);
    expect(describeSessionModels({ ...config, variant: "magnet" })).toBe("gpt-4o-mini, gpt-4o");
    expect(describeSessionModels({ ...config, variant: "psych8k_baseline" })).toBe("gpt-4.1, gpt-4o-mini");
    // Without a variant, every agent of the config.
    expect(describeSessionModels(config)).toBe("gpt-4o-mini, gpt-4o, gpt-4.1");
  });

  it("says so for imported sessions and copes with anything else", () => {
    expect(describeSessionModels({ importedFrom: "session_1.json" })).toBe("Imported (original run)");
    expect(describeSessionModels(null)).toBe("—");
    expect(describeSessionModels({})).toBe("—");
    expect(describeSessionModels({ agents: { planner: {} } })).toBe("—");
  });
});

describe("describeDepartures", () => {
  it("names nothing for the paper's method, and each departure a config makes", () => {
    expect(describeDepartures(buildSessionConfig({}, {}))).toEqual([]);
    expect(describeDepartures({ importedFrom: "session_1.json" })).toEqual([]);
    expect(describeDepartures(null)).toEqual([]);
    expect(describeDepartures({ ...buildSessionConfig({}, {}), snapshotVersion: 1 })).toEqual([
      EARLIER_ENGINE,
    ]);
    expect(describeDepartures(buildSessionConfig({ minRoundsBeforeEnd: 1 }, {}))).toEqual([]);
    const departing = buildSessionConfig(
      { switches: { fuseSelectedOnly: true, shortAnswers: true }, minRoundsBeforeEnd: 15 },
      {},
    );
    expect(describeDepartures(departing)).toEqual([
      "Fuses only the chosen candidates",
      "Short answers asked for",
      "Client may not end before round 15",
    ]);
  });
});
