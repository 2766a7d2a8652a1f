import { APICallError } from "ai";
import type { RetryPolicy } from "./types";

/** The model returned nothing usable; retried like a transient error. */
export class EmptyOutputError extends Error {
  constructor() {
    super("The model returned an empty reply");
    this.name = "EmptyOutputError";
  }
}

/** The reply does not have the form the caller asked for (a judge's score); retried, then failed. */
export class MalformedOutputError extends Error {
  constructor(message: string) {
    super(`Malformed reply: ${message}`);
    this.name = "MalformedOutputError";
  }
}

export class CallTimeoutError extends Error {
  constructor(ms: number) {
    super(`The call timed out after ${ms} ms`);
    this.name = "CallTimeoutError";
  }
}

const NETWORK_CODES =
  /^(ECONNRESET|ECONNREFUSED|ECONNABORTED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENOTFOUND|UND_ERR_\w+)$/;

/** Rate limits, server errors, timeouts, dropped connections and empty replies are worth another try. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof EmptyOutputError || error instanceof CallTimeoutError) return true;
  if (error instanceof MalformedOutputError) return true;
  if (APICallError.isInstance(error)) return error.isRetryable || isRetryableStatus(error.statusCode);
  if (!(error instanceof Error)) return false;
  const status = statusOf(error);
  if (status !== undefined) return isRetryableStatus(status);
  if (NETWORK_CODES.test(codeOf(error) ?? "")) return true;
  if (error.cause instanceof Error && error.cause !== error) return isRetryable(error.cause);
  return /fetch failed|network|socket hang up|rate limit|overloaded/i.test(error.message);
}

function isRetryableStatus(status: number | undefined): boolean {
  return status === 408 || status === 409 || status === 429 || (status !== undefined && status >= 500);
}

function statusOf(error: Error): number | undefined {
  const value =
    (error as { statusCode?: unknown; status?: unknown }).statusCode ??
    (error as { status?: unknown }).status;
  return typeof value === "number" ? value : undefined;
}

function codeOf(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** Exponential backoff with "equal jitter": half the delay fixed, half random. */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : JSON.stringify(error);
}
