// The Content-Security-Policy of the studio's pages and API. Scripts: our own files, Next's inline
// scripts by the per-request nonce (Next reads it from the policy on the request and puts it on its
// scripts), and our one inline script by its hash, computed here from the very text the layout
// renders, so the two cannot drift apart.

import { createHash } from "node:crypto";

/** Applies the stored or system theme before first paint, so dark mode never flashes. */
export const THEME_SCRIPT = `try{var t=localStorage.getItem("theme");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

export const THEME_SCRIPT_HASH = `sha256-${createHash("sha256").update(THEME_SCRIPT, "utf8").digest("base64")}`;

/** For HTML pages; `dev` allows what `next dev` needs (eval for its refresh runtime, its websocket). */
export function pageContentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' '${THEME_SCRIPT_HASH}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React's style attributes need inline styles; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For API responses, which are data and never a document to render or frame. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
