import { describe, expect, it } from "vitest";
import { buildSessionConfig } from "./config";
import { profileSnapshotSchema, sessionConfigSchema } from "./schema";
import { testProfile } from "./testing";

describe("engine schemas", () => {
  it("accepts a built config after a JSON round trip (as stored in Session.config)", () => {
    const config = buildSessionConfig({ maxRounds: 5, settings: { client: { temperature: 0.9 } } }, {});
    const parsed = sessionConfigSchema.parse(JSON.parse(JSON.stringify(config)));
    expect(parsed).toEqual(config);
    expect(parsed.agents.selector.settings).toMatchObject({ temperature: 0, maxOutputTokens: 512 });
    expect(parsed.agents.client.settings.temperature).toBe(0.9);
  });

  it("rejects a config missing a prompt role", () => {
    const config = buildSessionConfig({}, {});
    const { fuser: _fuser, ...prompts } = config.prompts;
    expect(sessionConfigSchema.safeParse({ ...config, prompts }).success).toBe(false);
  });

  it("accepts a profile snapshot", () => {
    expect(profileSnapshotSchema.parse(testProfile)).toEqual(testProfile);
  });
});
