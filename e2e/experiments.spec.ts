import { expect, test } from "@playwright/test";

// An experiment created in the UI is run by the studio's own worker: its progress bar fills up to
// done and its sessions open from its page.

test("create an experiment of 4 short sessions, watch it reach done, open one of its sessions", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto("/experiments");
  await page.getByTestId("new-experiment").click();
  await expect(page.getByRole("heading", { level: 1, name: "New experiment" })).toBeVisible();

  const name = `E2E experiment ${Date.now()}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  // MAGneT is checked already; with No selector that is 2 variants × 2 negative clients.
  await page.getByRole("checkbox", { name: "No selector", exact: true }).check();
  await page.getByRole("checkbox", { name: "negative" }).check();
  await page.getByLabel("Profiles per attitude (empty: all)").fill("2");
  await page.getByLabel("Rounds per session").fill("1");
  await page.getByRole("button", { name: "Create and queue" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const progress = page.getByRole("progressbar", { name: `Sessions finished in ${name}` });
  await expect(progress).toHaveAttribute("aria-valuemax", "4");
  await expect(progress).toHaveAttribute("aria-valuenow", "4", { timeout: 150_000 });
  await expect(page.getByText("Done", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Results" })).toHaveAttribute(
    "href",
    /\/experiments\/.+\/results$/,
  );

  const sessions = page.getByTestId("experiment-sessions").locator("tbody tr");
  await expect(sessions).toHaveCount(4);
  await expect(sessions.filter({ hasText: "No selector" })).toHaveCount(2);
  await expect(sessions.filter({ hasText: /Completed|Ended by client/ })).toHaveCount(4);

  await sessions.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/sessions\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.goto("/experiments");
  await expect(page.getByTestId("experiment-list").getByText(name)).toBeVisible();
});
