import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

// Pages check the user on the server (lib/auth/page.ts). Like the API's role matrix, this lists
// every page file, so that a new page cannot forget the check: each calls requirePageUser, or is
// one of the few that anyone may open.

const PUBLIC_PAGES = new Set([
  "page.tsx", // redirects to /sessions, which checks
  "sign-in/page.tsx",
  "replay/[token]/page.tsx", // a share link's replay: the token is the permission
]);

function pageFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "api" ? [] : pageFiles(full, root);
    return entry.name === "page.tsx" ? [path.relative(root, full).split(path.sep).join("/")] : [];
  });
}

it("every page checks the signed-in user on the server, or is listed as public", () => {
  const appDir = path.join(process.cwd(), "app");
  const files = pageFiles(appDir);
  expect(files.length).toBeGreaterThan(8);
  const unchecked = files.filter(
    (file) =>
      !PUBLIC_PAGES.has(file) &&
      !/await requirePageUser\(/.test(readFileSync(path.join(appDir, file), "utf8")),
  );
  expect(unchecked).toEqual([]);
});
