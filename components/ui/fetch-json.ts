import type { z } from "zod";

/**
 * Fetches JSON from our API; a non-2xx answer throws with the server's error message. The answer is
 * unknown: read it with fetchParsed and the route's response schema, never a cast.
 */
export async function fetchJson(input: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(input, init);
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(errorMessageOf(body) ?? `Request failed (${response.status})`);
  }
  return body;
}

/** Fetches JSON from our API and parses it with the route's response schema: no cast of unknown JSON. */
export async function fetchParsed<S extends z.ZodType>(
  schema: S,
  input: string,
  init?: RequestInit,
): Promise<z.infer<S>> {
  return schema.parse(await fetchJson(input, init));
}

/** The message of our error body, `{ error: { message } }`, if the answer is one. */
function errorMessageOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || !("error" in body)) return undefined;
  const { error } = body;
  if (typeof error !== "object" || error === null || !("message" in error)) return undefined;
  return typeof error.message === "string" ? error.message : undefined;
}
