import type { z } from "zod";

/** Fetches JSON from our API; a non-2xx answer throws with the server's error message. */
export async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  const response = await fetch(input, init);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body?.error?.message ?? `Request failed (${response.status})`;
    throw new Error(message);
  }
  return body as T;
}

/** Fetches JSON from our API and parses it with the route's response schema: no cast of unknown JSON. */
export async function fetchParsed<S extends z.ZodType>(
  schema: S,
  input: string,
  init?: RequestInit,
): Promise<z.infer<S>> {
  return schema.parse(await fetchJson<unknown>(input, init));
}
