import { describe, expect, it } from "vitest";
import { parseProviderConcurrency, studioWorkerConcurrency } from "./worker-settings";

describe("worker settings", () => {
  it("read the per-provider cap and name a bad entry", () => {
    expect(parseProviderConcurrency("openai=8, openai-compatible=2", "--x")).toEqual({
      openai: 8,
      "openai-compatible": 2,
    });
    expect(parseProviderConcurrency("", "--x")).toEqual({});
    expect(() => parseProviderConcurrency("anthropic=2", "--provider-concurrency")).toThrow(
      /--provider-concurrency: .*"anthropic=2"/,
    );
    expect(() => parseProviderConcurrency("openai=0", "--x")).toThrow(/"openai=0"/);
  });

  it("let the studio work 2 sessions by default, none with 0, and refuse nonsense", () => {
    expect(studioWorkerConcurrency({})).toBe(2);
    expect(studioWorkerConcurrency({ STUDIO_WORKER_CONCURRENCY: "0" })).toBe(0);
    expect(() => studioWorkerConcurrency({ STUDIO_WORKER_CONCURRENCY: "lots" })).toThrow(
      /STUDIO_WORKER_CONCURRENCY .*"lots"/,
    );
  });
});
