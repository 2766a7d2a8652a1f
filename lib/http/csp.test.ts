import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createNonce, pageContentSecurityPolicy, THEME_SCRIPT, THEME_SCRIPT_HASH } from "./csp";

describe("pageContentSecurityPolicy", () => {
  it("allows the theme script by the hash of its text, Next's scripts by the nonce, and no framing", () => {
    const expected = createHash("sha256").update(THEME_SCRIPT).digest("base64");
    expect(THEME_SCRIPT_HASH).toBe(`sha256-${expected}`);
    const policy = pageContentSecurityPolicy("abc");
    expect(policy).toContain(`script-src 'self' 'nonce-abc' 'sha256-${expected}'`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(pageContentSecurityPolicy("abc", { dev: true })).toContain("unsafe-eval");
  });

  it("makes a fresh nonce each time", () => {
    expect(createNonce()).not.toBe(createNonce());
    expect(createNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
