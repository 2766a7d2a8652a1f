import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startStudio } from "./support/studio-process";

const SESSION_FILE = path.resolve("../shared/data/magnet/sessions/session_1.json");

test("npm run studio starts an embedded database, serves the app and keeps its data across restarts", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "magnet-studio-smoke-"));
  const port = 4100 + Math.floor(Math.random() * 500);

  const first = await startStudio({ dataDir, port });
  try {
    expect(first.output()).toContain("new cluster");
    await page.goto(`${first.url}/profiles`);
    await expect(page.getByTestId("profile-table").locator("tbody tr")).toHaveCount(12);
    await expect(page.getByTestId("model-badge")).toContainText("Offline simulator");

    const form = new FormData();
    form.append("files", new Blob([readFileSync(SESSION_FILE)]), "session_1.json");
    const imported = await (await fetch(`${first.url}/api/import`, { method: "POST", body: form })).json();
    expect(imported).toMatchObject({ imported: 1, failed: 0 });

    // A generated session's page keeps its live stream open while the studio stops.
    const profiles = await (await fetch(`${first.url}/api/profiles?pageSize=1`)).json();
    const created = await fetch(`${first.url}/api/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ profileId: profiles.items[0].id, variant: "magnet", maxRounds: 1 }),
    });
    await page.goto(`${first.url}/sessions/${(await created.json()).id}`);
    await expect(page.getByTestId("session-status")).toHaveText("Draft");
  } finally {
    expect(await first.stop()).not.toBe(1);
  }
  expect(first.output()).toContain("Stopped.");
  // Ctrl-C stops the database and the app together: the app's event listener losing its connection
  // then is part of an orderly stop, not an error to print.
  expect(first.output()).not.toContain("lost its connection");

  const second = await startStudio({ dataDir, port });
  try {
    expect(second.output()).toContain("existing data");
    const sessions = await (await fetch(`${second.url}/api/sessions?source=imported`)).json();
    expect(sessions.total).toBe(1);
    await page.goto(`${second.url}/sessions/${sessions.items[0].id}`);
    await expect(page.getByTestId("round")).toHaveCount(20);
  } finally {
    expect(await second.stop()).not.toBe(1);
  }
  expect(second.output()).toContain("Stopped.");
});
