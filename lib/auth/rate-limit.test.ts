import { expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { checkGenerationRate, generationLimit } from "./rate-limit";

it("lets `limit` generation requests a minute through per user, then answers 429 with the wait", () => {
  const start = 1_000_000;
  for (let i = 0; i < 3; i++) checkGenerationRate("u1", start + i, 3);
  let refused: unknown;
  try {
    checkGenerationRate("u1", start + 10_000, 3);
  } catch (error) {
    refused = error;
  }
  expect(refused).toBeInstanceOf(AppError);
  expect(refused).toMatchObject({ status: 429, message: expect.stringContaining("Try again in 50 s") });
  // Another user has a budget of its own; the first one's frees up after the minute.
  expect(() => checkGenerationRate("u2", start + 10_000, 3)).not.toThrow();
  expect(() => checkGenerationRate("u1", start + 60_001, 3)).not.toThrow();
});

it("reads GENERATION_RATE_LIMIT, falling back to 60", () => {
  expect(generationLimit({ GENERATION_RATE_LIMIT: "5" })).toBe(5);
  expect(generationLimit({ GENERATION_RATE_LIMIT: "lots" })).toBe(60);
  expect(generationLimit({})).toBe(60);
});
