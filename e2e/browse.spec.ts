import { expect, test } from "@playwright/test";
import { ProfilesPage } from "./pages/profiles-page";
import { SessionPage } from "./pages/session-page";

test("profiles can be filtered by attitude and opened", async ({ page }) => {
  const profiles = new ProfilesPage(page);
  await profiles.open();
  await expect(page.getByTestId("pager-range")).toContainText(/of (4[5-9]\d|[5-9]\d\d)/);

  await profiles.filterByAttitude("negative");
  await expect.poll(async () => [...new Set(await profiles.attitudesShown())]).toEqual(["negative"]);

  const name = await profiles.openFirstProfile();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("profile-attitude")).toHaveText("negative");
  await expect(page.getByText("Reason for counseling")).toBeVisible();
});

test("an imported MAGneT session shows its plan and 20 rounds", async ({ page }) => {
  const session = new SessionPage(page);
  await session.openFirstImported();
  await expect(session.rounds).toHaveCount(20);
  await expect(session.plan).toBeVisible();
  await expect(page.getByTestId("plan-technique")).not.toHaveText("");
  // One note for the whole session, not one per round, and no selector line with nothing in it.
  await expect(page.getByTestId("imported-note")).toContainText("did not record the five candidate replies");
  await expect(page.getByText("did not record")).toHaveCount(1);
  await expect(page.getByTestId("selection")).toHaveCount(0);
  await expect(page.getByTestId("session-status")).toHaveText("Completed");
});

test("every page of the navigation opens", async ({ page }) => {
  for (const item of ["sessions", "profiles", "prompts", "experiments", "annotate", "settings"]) {
    await page.goto("/sessions");
    await page.getByTestId(`nav-${item}`).click();
    await expect(page).toHaveURL(new RegExp(`/${item}`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
});
