// What the proxy checks before any page or API route runs: that the request names this studio
// (a Host allow-list, against DNS rebinding) and that a mutation comes from the studio's own pages
// (Origin / Sec-Fetch-Site, against cross-site request forgery).

import { AppError } from "@/lib/errors";

const LOOPBACK_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * STUDIO_ALLOWED_HOSTS: comma-separated host names (or host:port) the studio is also served as.
 * HOST: the address the studio binds; a concrete one (not 0.0.0.0) is allowed too.
 */
export type GuardEnv = Record<string, string | undefined>;

/** The error to answer with (403), or null when the request may go on. */
export function checkBrowserRequest(
  request: { method: string; headers: Headers },
  env: GuardEnv = process.env,
): AppError | null {
  const host = request.headers.get("host") ?? "";
  if (!isAllowedHost(host, env)) {
    return forbidden(
      "host",
      `This studio does not answer to the host ${JSON.stringify(host)}; add it to STUDIO_ALLOWED_HOSTS`,
    );
  }
  if (SAFE_METHODS.has(request.method)) return null;
  // An API key is not a cookie a browser adds by itself, and a request that carries one is judged by
  // the key alone (lib/auth/current-user.ts), so there is no forgery to stop.
  if (/^Bearer\s/i.test(request.headers.get("authorization") ?? "")) return null;
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") {
    return forbidden("origin", `A ${site} request may not change anything here`);
  }
  const origin = request.headers.get("origin");
  if (origin !== null && !isSameOrigin(origin, host, env)) {
    return forbidden("origin", `Requests from ${origin} may not change anything here`);
  }
  return null;
}

function isAllowedHost(host: string, env: GuardEnv): boolean {
  const parsed = parseHost(host);
  if (!parsed) return false;
  if (LOOPBACK_HOSTNAMES.has(parsed.hostname) || parsed.hostname === boundAddress(env)) return true;
  return listedHosts(env).some((allowed) => allowed === parsed.host || allowed === parsed.hostname);
}

/** Same origin as the request, or one of the listed public hosts (behind a reverse proxy). */
function isSameOrigin(origin: string, host: string, env: GuardEnv): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.host === parseHost(host)?.host) return true;
  return listedHosts(env).some((allowed) => allowed === url.host || allowed === url.hostname);
}

function listedHosts(env: GuardEnv): string[] {
  return (env.STUDIO_ALLOWED_HOSTS ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
}

/** HOST as a URL hostname, unless it is a wildcard (0.0.0.0, ::), which names no one. */
function boundAddress(env: GuardEnv): string | null {
  const bind = env.HOST?.trim().toLowerCase();
  if (!bind || bind === "0.0.0.0" || bind === "::" || bind === "[::]") return null;
  return bind.includes(":") && !bind.startsWith("[") ? `[${bind}]` : bind;
}

function parseHost(host: string): { host: string; hostname: string } | null {
  if (!host || /[\s/@?#\\]/.test(host)) return null;
  try {
    const url = new URL(`http://${host}`);
    return { host: url.host, hostname: url.hostname };
  } catch {
    return null;
  }
}

function forbidden(field: string, message: string): AppError {
  return new AppError("forbidden", message, [{ field, message: "not allowed" }]);
}
