import { describe, expect, it } from "vitest";
import { safeReturnPath, signInPath } from "./return-path";

describe("where signing in returns to", () => {
  it("keeps a path on this studio with its query and fragment", () => {
    expect(safeReturnPath("/sessions/new?profile=cm123")).toBe("/sessions/new?profile=cm123");
    expect(safeReturnPath("/experiments/e1/results?sort=score&dir=desc#table")).toBe(
      "/experiments/e1/results?sort=score&dir=desc#table",
    );
    expect(safeReturnPath("/")).toBe("/");
  });

  it("refuses another site, however it is written, and goes to /", () => {
    for (const value of [
      "https://evil.example/phish",
      "//evil.example",
      "///evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "javascript:alert(1)",
      "sessions",
      "",
    ]) {
      expect(safeReturnPath(value), value).toBe("/");
    }
  });

  it("goes to / when there is no single value", () => {
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath(["/a", "/b"])).toBe("/");
  });

  it("the sign-in address carries the path and query back, encoded", () => {
    const address = signInPath("/sessions/new?profile=cm123&x=1");
    expect(address).toBe("/sign-in?next=%2Fsessions%2Fnew%3Fprofile%3Dcm123%26x%3D1");
    const next = new URL(address, "http://studio.test").searchParams.get("next");
    expect(safeReturnPath(next)).toBe("/sessions/new?profile=cm123&x=1");
    expect(signInPath("/users", "researcher")).toBe("/sign-in?needs=researcher&next=%2Fusers");
  });
});
