import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isBuildStale } from "./build-state";

function project() {
  const root = mkdtempSync(path.join(tmpdir(), "studio-build-"));
  mkdirSync(path.join(root, "app"));
  writeFileSync(path.join(root, "app", "page.tsx"), "export default 1");
  return root;
}

function build(root: string, at: Date) {
  mkdirSync(path.join(root, ".next"), { recursive: true });
  const marker = path.join(root, ".next", "BUILD_ID");
  writeFileSync(marker, "x");
  utimesSync(marker, at, at);
}

describe("isBuildStale", () => {
  it("is stale without a build", () => {
    expect(isBuildStale(project())).toBe(true);
  });

  it("is fresh when the build is newer than every source", () => {
    const root = project();
    build(root, new Date(Date.now() + 60_000));
    expect(isBuildStale(root)).toBe(false);
  });

  it("is stale when a source changed after the build", () => {
    const root = project();
    build(root, new Date(Date.now() - 60_000));
    expect(isBuildStale(root)).toBe(true);
  });
});
