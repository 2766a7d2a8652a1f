import { expect, test } from "@playwright/test";
import { officialOutput, readSeeds } from "../lib/import-export/testing";
import { ProfilesPage } from "./pages/profiles-page";

// Seed 4 has no published session, so these files are new to the studio the tests run.
const seeds = readSeeds();

test("a malformed session file uploaded through the Profiles form is named in the page", async ({ page }) => {
  const before = await (await page.request.get("/api/sessions?pageSize=1")).json();
  const broken = officialOutput(seeds, 4, "magnet");
  broken.history[6].role = "client";
  const profiles = new ProfilesPage(page);
  await profiles.open();
  await profiles.importFiles([{ name: "session_4.json", json: broken }]);
  await expect(profiles.importError).toContainText("Nothing was imported");
  await expect(profiles.importError).toContainText('session_4.json: history.6.role: expected "counselor"');
  const after = await (await page.request.get("/api/sessions?pageSize=1")).json();
  expect(after.total).toBe(before.total);
});

test("an official CACTUS output imports through the form under the variant chosen", async ({ page }) => {
  const profiles = new ProfilesPage(page);
  await profiles.open();
  const file = officialOutput(seeds, 4, "cactus_baseline", { rounds: 12 });
  await profiles.importFiles([{ name: "session_4.json", json: file }], "cactus_baseline");
  await expect(profiles.importSummary).toContainText("Imported 1 · skipped 0");

  const list = await (await page.request.get("/api/sessions?variant=cactus_baseline&source=imported")).json();
  expect(list.items).toMatchObject([
    { sessionNumber: 4, cost: 0.0123, status: "ended_by_client", roundCount: 12 },
  ]);
  await page.goto(`/profiles/${list.items[0].profile.id}`);
  await expect(page.getByTestId("session-number")).toHaveText("session_4 · train split");
});
