/**
 * The origin the browser used, for links the studio hands out. The Host header has passed the
 * allow-list (proxy.ts) by now; Next's `request.url` names its own listening address instead.
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("host") ?? url.host;
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const protocol = forwarded === "https" || forwarded === "http" ? forwarded : url.protocol.slice(0, -1);
  return `${protocol}://${host}`;
}
