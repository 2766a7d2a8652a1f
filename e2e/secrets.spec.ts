import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { CANARIES, filesContaining } from "./support/bundle-scan";

// The app under test was built with canary API keys and auth secret (npm run build:canary): the
// client bundle and every page the browser receives must be free of them.

test("the scan finds a planted canary", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "bundle-scan-"));
  try {
    await writeFile(path.join(dir, "chunk.js"), `const key="${CANARIES[0]}";`);
    expect(await filesContaining(dir, CANARIES)).toEqual([
      { file: path.join(dir, "chunk.js"), needle: CANARIES[0] },
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("no API key or auth secret reaches the browser's bundle or pages", async ({ page }) => {
  expect(await filesContaining(path.join(process.cwd(), ".next", "static"), CANARIES)).toEqual([]);
  for (const url of ["/sessions", "/sessions/new", "/settings", "/prompts"]) {
    const response = await page.goto(url);
    const html = (await response?.text()) ?? "";
    expect(html.length).toBeGreaterThan(500);
    for (const canary of CANARIES) expect(html, url).not.toContain(canary);
  }
});
