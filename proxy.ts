import { type NextRequest, NextResponse } from "next/server";
import { REQUESTED_PATH_HEADER } from "@/lib/auth/return-path";
import { API_CONTENT_SECURITY_POLICY, createNonce, pageContentSecurityPolicy } from "@/lib/http/csp";
import { checkBrowserRequest } from "@/lib/http/request-guard";

/**
 * Every request but static files: the host and origin checks, then the content security policy; a page
 * also learns the path and query it was asked for, so that signing in can come back to them.
 */
export function proxy(request: NextRequest) {
  const refused = checkBrowserRequest(request);
  if (refused) return refused.toResponse();

  if (request.nextUrl.pathname.startsWith("/api/")) {
    const response = NextResponse.next();
    response.headers.set("content-security-policy", API_CONTENT_SECURITY_POLICY);
    return response;
  }
  const policy = pageContentSecurityPolicy(createNonce(), { dev: process.env.NODE_ENV === "development" });
  // Next takes the nonce for its own inline scripts from the policy on the request.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set(REQUESTED_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.svg).*)"],
};
