import { describe, expect, it } from "vitest";
import { checkBrowserRequest } from "./request-guard";

function check(method: string, headers: Record<string, string>, env: Record<string, string> = {}) {
  const error = checkBrowserRequest({ method, headers: new Headers(headers) }, env);
  return error ? { status: error.status, field: error.issues[0]?.field } : null;
}

describe("checkBrowserRequest", () => {
  it("lets the studio's own names through, on any port", () => {
    for (const host of ["127.0.0.1:3000", "localhost:3100", "[::1]:3000", "localhost", "LOCALHOST:3000"]) {
      expect(check("GET", { host }), host).toBeNull();
    }
  });

  it("refuses any other host (DNS rebinding) unless configured", () => {
    for (const host of ["evil.example:3000", "127.0.0.1.evil.example", "", "localhost@evil", "a b"]) {
      expect(check("GET", { host }), host).toEqual({ status: 403, field: "host" });
    }
    const env = { STUDIO_ALLOWED_HOSTS: "studio.example.org, lab.internal:8080" };
    expect(check("GET", { host: "studio.example.org" }, env)).toBeNull();
    expect(check("GET", { host: "studio.example.org:443" }, env)).toBeNull();
    expect(check("GET", { host: "lab.internal:8080" }, env)).toBeNull();
    expect(check("GET", { host: "lab.internal:9090" }, env)).toEqual({ status: 403, field: "host" });
    expect(check("GET", { host: "192.168.1.5:3000" }, { HOST: "192.168.1.5" })).toBeNull();
    expect(check("GET", { host: "[fd00::5]:3000" }, { HOST: "fd00::5" })).toBeNull();
    expect(check("GET", { host: "192.168.1.5:3000" }, { HOST: "0.0.0.0" })).toEqual({
      status: 403,
      field: "host",
    });
  });

  it("refuses a mutation from another origin or site (CSRF), allows the same origin and non-browser clients", () => {
    const host = "127.0.0.1:3000";
    expect(
      check("POST", { host, origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }),
    ).toBeNull();
    expect(check("POST", { host })).toBeNull();
    expect(check("POST", { host, origin: "https://evil.example" })).toEqual({ status: 403, field: "origin" });
    expect(check("POST", { host, origin: "http://localhost:3000" })).toEqual({
      status: 403,
      field: "origin",
    });
    expect(check("POST", { host, origin: "null" })).toEqual({ status: 403, field: "origin" });
    expect(check("DELETE", { host, "sec-fetch-site": "cross-site" })).toEqual({
      status: 403,
      field: "origin",
    });
    expect(check("POST", { host, "sec-fetch-site": "same-site" })).toEqual({ status: 403, field: "origin" });
    // Reading is not changing: a GET from anywhere is only subject to the host check.
    expect(check("GET", { host, origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toBeNull();
  });

  it("lets a request with an API key through whatever its origin (no cookie is involved), but not a foreign host", () => {
    const host = "127.0.0.1:3000";
    const bearer = {
      authorization: "Bearer mgs_x",
      origin: "https://notebook.example",
      "sec-fetch-site": "cross-site",
    };
    expect(check("POST", { host, ...bearer })).toBeNull();
    expect(check("POST", { host, ...bearer, authorization: "Basic abc" })).toEqual({
      status: 403,
      field: "origin",
    });
    expect(check("POST", { host: "evil.example", ...bearer })).toEqual({ status: 403, field: "host" });
  });

  it("accepts the configured public origin behind a reverse proxy that rewrites Host", () => {
    const env = { STUDIO_ALLOWED_HOSTS: "studio.example.org" };
    expect(check("POST", { host: "127.0.0.1:3000", origin: "https://studio.example.org" }, env)).toBeNull();
  });
});
