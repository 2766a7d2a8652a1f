import { APICallError } from "ai";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { CallTimeoutError, EmptyOutputError, isRetryable, retryDelayMs } from "./retry";

const apiError = (statusCode: number) =>
  new APICallError({ message: `status ${statusCode}`, url: "x", requestBodyValues: {}, statusCode });

describe("isRetryable", () => {
  it("retries rate limits, server errors, timeouts, network errors and empty replies", () => {
    expect(isRetryable(apiError(429))).toBe(true);
    expect(isRetryable(apiError(503))).toBe(true);
    expect(isRetryable(Object.assign(new Error("rate limited"), { status: 429 }))).toBe(true);
    expect(isRetryable(Object.assign(new Error("reset"), { code: "ECONNRESET" }))).toBe(true);
    expect(
      isRetryable(
        new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "UND_ERR_SOCKET" }) }),
      ),
    ).toBe(true);
    expect(isRetryable(new CallTimeoutError(10))).toBe(true);
    expect(isRetryable(new EmptyOutputError())).toBe(true);
  });

  it("does not retry client errors or our own errors", () => {
    expect(isRetryable(apiError(400))).toBe(false);
    expect(isRetryable(apiError(401))).toBe(false);
    expect(isRetryable(new AppError("validation", "bad template"))).toBe(false);
    expect(isRetryable("weird")).toBe(false);
  });
});

describe("retryDelayMs", () => {
  const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };

  it("doubles per attempt with half of it jittered, up to the cap", () => {
    expect(retryDelayMs(1, policy, () => 0)).toBe(50);
    expect(retryDelayMs(1, policy, () => 1)).toBe(100);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(300);
    expect(retryDelayMs(10, policy, () => 1)).toBe(1_000);
  });
});
