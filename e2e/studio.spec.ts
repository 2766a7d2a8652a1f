import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { printedCredentials, signIn } from "./support/sign-in";
import { startStudio } from "./support/studio-process";

const SESSION_FILE = path.resolve("../shared/data/magnet/sessions/session_1.json");

// The newcomer's path: nobody signed in, one command, the printed credentials.
test.use({ storageState: { cookies: [], origins: [] } });

test("npm run studio starts an embedded database, prints a first account, serves the app and keeps its data across restarts", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "magnet-studio-smoke-"));
  const port = 4100 + Math.floor(Math.random() * 500);

  const first = await startStudio({ dataDir, port });
  try {
    expect(first.output()).toContain("new cluster");
    const credentials = printedCredentials(first.output());
    expect((await page.request.get(`${first.url}/api/profiles`)).status()).toBe(401);
    await page.goto(`${first.url}/profiles`);
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fprofiles$/);
    await signIn(page, first.url, credentials);
    await page.goto(`${first.url}/profiles`);
    await expect(page.getByTestId("profile-table").locator("tbody tr")).toHaveCount(12);
    await expect(page.getByTestId("model-badge")).toContainText("Offline simulator");

    // The signed-in browser's cookie is what page.request sends.
    const imported = await page.request.post(`${first.url}/api/import`, {
      multipart: {
        files: { name: "session_1.json", mimeType: "application/json", buffer: readFileSync(SESSION_FILE) },
      },
    });
    expect(await imported.json()).toMatchObject({ imported: 1, failed: 0 });

    // Create a session and watch it run; its page keeps its live stream open while the studio stops.
    const profiles = await (await page.request.get(`${first.url}/api/profiles?pageSize=1`)).json();
    const created = await page.request.post(`${first.url}/api/sessions`, {
      data: { profileId: profiles.items[0].id, variant: "magnet", maxRounds: 1 },
    });
    expect(created.status()).toBe(201);
    await page.goto(`${first.url}/sessions/${(await created.json()).id}`);
    await expect(page.getByTestId("session-status")).toHaveText("Draft");
    await page.getByRole("button", { name: "Run next round" }).click();
    await expect(page.getByTestId("client-reply").first()).not.toContainText("Waiting", { timeout: 45_000 });
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
    // The password was shown once; the account and its signed-in browser outlive the restart.
    expect(second.output()).not.toContain("password:");
    const sessions = await (await page.request.get(`${second.url}/api/sessions?source=imported`)).json();
    expect(sessions.total).toBe(1);
    await page.goto(`${second.url}/sessions/${sessions.items[0].id}`);
    await expect(page.getByTestId("round")).toHaveCount(20);
  } finally {
    expect(await second.stop()).not.toBe(1);
  }
  expect(second.output()).toContain("Stopped.");
});
