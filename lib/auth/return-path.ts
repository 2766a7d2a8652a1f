// Where signing in returns to: the page the user asked for, path and query, and never another site.

/** The request header in which proxy.ts hands a page the path and query the browser asked for. */
export const REQUESTED_PATH_HEADER = "x-studio-requested-path";

const FALLBACK = "/";
// Any origin would do: only whether a value stays on it matters.
const HERE = "http://studio.invalid";

/**
 * A `next` value made safe to redirect to: a path on this studio (with its query and fragment), or `/`.
 * Refused: anything not starting with one `/` (`https://…`, `//host`), backslashes and control
 * characters (browsers read `/\host` and `/\t/host` as `//host`), and whatever resolves elsewhere.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return FALLBACK;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== HERE) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page's address that comes back to `path` afterwards. */
export function signInPath(path: string, needs?: string): string {
  const query = new URLSearchParams(needs ? { needs, next: path } : { next: path });
  return `/sign-in?${query}`;
}
