import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// What `next build` reads. A build older than any of these is stale.
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "package-lock.json",
  "next.config.ts",
  "postcss.config.mjs",
];
const SKIP = new Set(["node_modules", "generated", ".next"]);

/** Whether the production build in `.next` is missing or older than the sources it was built from. */
export function isBuildStale(root: string): boolean {
  const marker = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(marker)) return true;
  const builtAt = statSync(marker).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(root, input)) > builtAt);
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}
